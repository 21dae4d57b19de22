import type { Desired } from '../../model';
import { commandAsSkill, skillItems } from '../formats/kinds';
import type { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import type { CommandContent, SkillContent } from '../types';

/** Skills as whole folders under `dir`; names through `names` (shared with commands, which land in the same folder). */
export function codexSkills(
  skills: ReadonlyArray<SkillContent>,
  dir: string,
  names: NameMap,
  rep: Reporter,
  shown: string,
): Desired[] {
  return skills.flatMap((s) => {
    const n = names.take(s.name, 'skill');
    rep.native('skill', s.name, `${shown}/${n.name}/`, n.mapped ? n.name : undefined);
    return skillItems(s, dir, n.name);
  });
}

/** Commands as skills (Codex's ~/.codex/prompts are deprecated in favour of skills). */
export function codexCommands(
  commands: ReadonlyArray<CommandContent>,
  dir: string,
  names: NameMap,
  rep: Reporter,
  shown: string,
): Desired[] {
  return commands.flatMap((c) => {
    const n = names.take(c.name, 'skill');
    rep.fallback(
      'command',
      c.name,
      `rendered as the skill ${shown}/${n.name}/ (invoke it with $${n.name}; ~/.codex/prompts is deprecated)`,
      n.mapped ? n.name : undefined,
    );
    return skillItems(commandAsSkill(c, n.name), dir, n.name);
  });
}
