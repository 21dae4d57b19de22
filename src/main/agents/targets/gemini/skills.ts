import type { Desired } from '../../model';
import { skillItems } from '../formats/kinds';
import { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import type { SkillContent } from '../types';

/** Skills as whole folders in `.agents/skills/` (the alias of `.gemini/skills/` other tools read too). */
export function geminiSkills(
  skills: ReadonlyArray<SkillContent>,
  dir: string,
  shown: string,
  rep: Reporter,
): Desired[] {
  const names = new NameMap('skills', 'Gemini CLI');
  return skills.flatMap((s) => {
    const n = names.take(s.name, 'skill');
    rep.native('skill', s.name, `${shown}/${n.name}/`, n.mapped ? n.name : undefined);
    return skillItems(s, dir, n.name);
  });
}
