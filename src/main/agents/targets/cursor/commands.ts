import type { Desired } from '../../model';
import { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import { join } from '../render-helpers';
import type { RenderInput } from '../types';

/** Commands: plain Markdown `.cursor/commands/<name>.md` (user `~/.cursor/commands/`); `$ARGUMENTS` kept. */
export function commandItems(input: RenderInput, base: string, rep: Reporter): Desired[] {
  const names = new NameMap('commands', 'Cursor');
  return input.commands.map((c) => {
    const n = names.take(c.name, 'skill');
    const rel = join('.cursor', 'commands', `${n.name}.md`);
    rep.native('command', c.name, input.scope === 'user' ? join('~', rel) : rel, n.mapped ? n.name : undefined);
    return { kind: 'file' as const, path: join(base, rel), content: c.body.replace(/^\n+/, '') };
  });
}
