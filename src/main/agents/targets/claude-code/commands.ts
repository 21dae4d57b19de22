import path from 'node:path';
import type { Desired } from '../../model';
import { markdownWithFrontmatter } from '../render-helpers';
import type { CommandContent } from '../types';
import { shown, type ClaudeContext } from './context';

/** Commands: `.claude/commands/<name>.md` with description, argument-hint, allowed-tools and model. */
export function renderCommands(c: ClaudeContext): Desired[] {
  return c.input.commands.map((cmd) => {
    const { name, mapped } = c.commandNames.take(cmd.name, 'skill');
    const file = path.join(c.dir, 'commands', `${name}.md`);
    c.reporter.native('command', cmd.name, shown(c, file), mapped ? name : undefined);
    return { kind: 'file' as const, path: file, content: commandFile(cmd) };
  });
}

function commandFile(cmd: CommandContent): string {
  const fm = {
    description: cmd.description || undefined,
    'argument-hint': cmd.argumentHint || undefined,
    'allowed-tools': cmd.allowedTools.length ? cmd.allowedTools.join(', ') : undefined,
    model: cmd.model || undefined,
  };
  const body = cmd.body.replace(/^\n+/, '');
  return Object.values(fm).some((v) => v !== undefined) ? markdownWithFrontmatter(fm, body) : body;
}
