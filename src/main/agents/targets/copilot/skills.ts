import type { Desired } from '../../model';
import { skillItems } from '../formats/kinds';
import type { Reporter } from '../formats/report';
import { join } from '../render-helpers';
import type { RenderInput, SkillContent } from '../types';
import type { OwnedNames } from './names';

/** Skills: the shared `.agents/skills/<name>/` in a project, `~/.copilot/skills/<name>/` for a user. */
export function skillsDir(input: RenderInput, base: string): { dir: string; shown: string } {
  const rel = input.scope === 'user' ? join('.copilot', 'skills') : join('.agents', 'skills');
  return { dir: join(base, rel), shown: input.scope === 'user' ? join('~', rel) : rel };
}

/** One skill's files under the skills folder; the caller reports it (native, or the fallback it stands for). */
export function oneSkill(
  input: RenderInput,
  base: string,
  names: OwnedNames,
  skill: SkillContent,
  owner: string,
): { items: Desired[]; where: string; mapped?: string } {
  const { dir, shown } = skillsDir(input, base);
  const n = names.take(skill.name, owner);
  return {
    items: skillItems(skill, dir, n.name),
    where: `${join(shown, n.name)}/`,
    ...(n.mapped ? { mapped: n.name } : {}),
  };
}

export function copilotSkillItems(input: RenderInput, base: string, names: OwnedNames, rep: Reporter): Desired[] {
  return input.skills.flatMap((s) => {
    const r = oneSkill(input, base, names, s, `skill "${s.name}"`);
    rep.native('skill', s.name, r.where, r.mapped);
    return r.items;
  });
}
