import type { Desired } from '../../model';
import { skillItems } from '../formats/kinds';
import { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import { join } from '../render-helpers';
import type { RenderInput } from '../types';

/** Skills: the shared `.agents/skills/<name>/` in a project (Cursor reads it), `~/.cursor/skills/<name>/` (user). */
export function skillsDir(input: RenderInput, base: string): { dir: string; shown: string } {
  const rel = input.scope === 'user' ? join('.cursor', 'skills') : join('.agents', 'skills');
  return { dir: join(base, rel), shown: input.scope === 'user' ? join('~', rel) : rel };
}

export function cursorSkillItems(input: RenderInput, base: string, rep: Reporter): Desired[] {
  const { dir, shown } = skillsDir(input, base);
  const names = new NameMap('skills', 'Cursor');
  return input.skills.flatMap((s) => {
    const n = names.take(s.name, 'skill');
    rep.native('skill', s.name, `${join(shown, n.name)}/`, n.mapped ? n.name : undefined);
    return skillItems(s, dir, n.name);
  });
}
