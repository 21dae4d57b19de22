import type { Reporter } from '../formats/report';
import { join, mcpEntry, mcpJsonItems } from '../render-helpers';
import type { RenderInput } from '../types';

/** MCP servers under `mcpServers` in `.cursor/mcp.json` (user `~/.cursor/mcp.json`), env vars as `${env:VAR}`. */
export function mcpItems(input: RenderInput, base: string, rep: Reporter) {
  const mcp = mcpJsonItems(
    input.mcpServers,
    join(base, '.cursor', 'mcp.json'),
    'mcpServers',
    input.vars,
    { native: (n) => `\${env:${n}}` },
    (srv, r) => mcpEntry(srv, r),
  );
  const shown = input.scope === 'user' ? '~/.cursor/mcp.json' : '.cursor/mcp.json';
  for (const s of input.mcpServers) rep.native('mcp-server', s.name, `${shown} mcpServers`);
  return mcp;
}
