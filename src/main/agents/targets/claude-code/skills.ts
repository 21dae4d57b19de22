import path from 'node:path';
import type { Desired } from '../../model';
import { skillItems } from '../formats/kinds';
import { shown, type ClaudeContext } from './context';

/** Skills: each whole folder to `.claude/skills/<name>/` (executable bits kept). Returns the names it used. */
export function renderSkills(c: ClaudeContext): { items: Desired[]; skills: string[] } {
  const dir = path.join(c.dir, 'skills');
  const items: Desired[] = [];
  const skills: string[] = [];
  for (const skill of c.input.skills) {
    const { name, mapped } = c.skillNames.take(skill.name, 'skill');
    items.push(...skillItems(skill, dir, name));
    skills.push(name);
    c.reporter.native('skill', skill.name, `${shown(c, path.join(dir, name))}/`, mapped ? name : undefined);
  }
  return { items, skills };
}
