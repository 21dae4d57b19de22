import path from 'node:path';
import type { Desired } from '../../model';
import { mcpEntry, mcpJsonItems } from '../render-helpers';
import { shown, type ClaudeContext } from './context';

/**
 * MCP servers: one key under `mcpServers` in `.mcp.json` (project) or `~/.claude.json` (user; Claude Code rewrites
 * that file itself, so only single keys are merged). Claude Code expands `${VAR}` itself: placeholders stay.
 */
export function renderMcp(c: ClaudeContext): { items: Desired[]; warnings: string[] } {
  const file = path.join(c.base, c.input.scope === 'user' ? '.claude.json' : '.mcp.json');
  const mcp = mcpJsonItems(
    c.input.mcpServers,
    file,
    'mcpServers',
    c.input.vars,
    { native: (n) => `\${${n}}` },
    (srv, r) => mcpEntry(srv, r, { typeField: true }),
  );
  for (const s of c.input.mcpServers) c.reporter.native('mcp-server', s.name, `${shown(c, file)} mcpServers`);
  return { items: mcp.items, warnings: [...mcp.warnings] };
}
