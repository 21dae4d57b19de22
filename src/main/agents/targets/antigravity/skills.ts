import type { Desired } from '../../model';
import { commandBody, skillItems } from '../formats/kinds';
import { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import { join, markdownWithFrontmatter } from '../render-helpers';
import type { CommandContent, SkillContent } from '../types';

/** Skills as whole folders in `.agents/skills/` (shared with Codex, Gemini CLI and others). */
export function agySkills(
  skills: ReadonlyArray<SkillContent>,
  dir: string,
  shown: (p: string) => string,
  rep: Reporter,
): Desired[] {
  const names = new NameMap('skills', 'Antigravity CLI');
  return skills.flatMap((s) => {
    const n = names.take(s.name, 'skill');
    rep.native('skill', s.name, `${shown(join(dir, n.name))}/`, n.mapped ? n.name : undefined);
    return skillItems(s, dir, n.name);
  });
}

/**
 * Commands as workflows, `<dir>/<name>.md` with a `description`, run as `/<name>`. A workflow is not given
 * arguments, so `$ARGUMENTS` becomes a sentence.
 */
export function agyWorkflows(
  commands: ReadonlyArray<CommandContent>,
  dir: string,
  shown: (p: string) => string,
  rep: Reporter,
): Desired[] {
  const names = new NameMap('commands', 'Antigravity CLI');
  return commands.map((c) => {
    const n = names.take(c.name, 'skill');
    const file = join(dir, `${n.name}.md`);
    rep.native('command', c.name, `workflow ${shown(file)} (/${n.name})`, n.mapped ? n.name : undefined);
    const fm = { description: c.description || `The ${c.name} command` };
    return { kind: 'file', path: file, content: markdownWithFrontmatter(fm, commandBody(c, "the user's request")) };
  });
}
