import type { Desired } from '../../model';
import { commandBody } from '../formats/kinds';
import { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import { join, markdownWithFrontmatter } from '../render-helpers';
import type { RenderInput } from '../types';

/**
 * Commands as prompt files `.kiro/prompts/<name>.md` (invoked as `@name`): the description in frontmatter, the body
 * with `$ARGUMENTS` as a sentence: Kiro CLI does not substitute it in file-based prompts (github/spec-kit#1926), the
 * model takes the request from the conversation.
 */
export function commands(input: RenderInput, kiroDir: string, rep: Reporter): Desired[] {
  const names = new NameMap('commands', 'Kiro');
  return input.commands.map((c) => {
    const { name, mapped } = names.take(c.name, 'skill');
    const file = join(kiroDir, 'prompts', `${name}.md`);
    rep.native(
      'command',
      c.name,
      input.scope === 'project' ? `.kiro/prompts/${name}.md` : file,
      mapped ? name : undefined,
    );
    const fm = { description: c.description || undefined };
    return {
      kind: 'file' as const,
      path: file,
      content: markdownWithFrontmatter(fm, commandBody(c, "the user's request").trim() + '\n'),
    };
  });
}
