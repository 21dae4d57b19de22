import path from 'node:path';
import type { Desired } from '../../model';
import { sectionBody } from '../render-helpers';
import type { ClaudeContext } from './context';

/**
 * A managed section in `CLAUDE.md` (project root) or `~/.claude/CLAUDE.md` that says when to use the subagent. Rules
 * are files in `.claude/rules/`, so the section imports nothing (no `@path` that would name someone's home).
 */
export function renderMemory(c: ClaudeContext): Desired {
  const a = c.input.agent;
  const file = c.input.scope === 'user' ? path.join(c.dir, 'CLAUDE.md') : path.join(c.base, 'CLAUDE.md');
  const text = `Use the \`${a.name}\` subagent for: ${a.description || a.title || a.name}\n`;
  return { kind: 'section', path: file, id: a.name, content: sectionBody(c.input, text) };
}
