import type { Desired } from '../../model';
import { commandBody, skillItems } from '../formats/kinds';
import { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import { join, markdownWithFrontmatter } from '../render-helpers';
import type { RenderInput } from '../types';

/** Skills as whole folders `<root>/skills/<name>/`. */
export function devinSkills(input: RenderInput, root: string, shown: string, rep: Reporter): Desired[] {
  const names = new NameMap('skills', 'Devin Desktop');
  return input.skills.flatMap((s) => {
    const { name, mapped } = names.take(s.name, 'skill');
    rep.native('skill', s.name, `${shown}/skills/${name}/`, mapped ? name : undefined);
    return skillItems(s, join(root, 'skills'), name);
  });
}

/**
 * Commands as workflows `<root>/workflows/<name>.md` (invoked as `/name`): description in frontmatter, the body with
 * `$ARGUMENTS` as a sentence (a workflow is given the request in the conversation).
 */
export function workflows(input: RenderInput, root: string, shown: string, tool: string, rep: Reporter): Desired[] {
  const names = new NameMap('commands', tool);
  return input.commands.map((c) => {
    const { name, mapped } = names.take(c.name, 'skill');
    rep.native('command', c.name, `${shown}/workflows/${name}.md (workflow /${name})`, mapped ? name : undefined);
    const fm = { description: c.description || `The ${c.name} command` };
    const body = commandBody(c, "the user's request").trim() + '\n';
    return {
      kind: 'file' as const,
      path: join(root, 'workflows', `${name}.md`),
      content: markdownWithFrontmatter(fm, body),
    };
  });
}
