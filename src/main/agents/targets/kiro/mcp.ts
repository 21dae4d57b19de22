import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { join, mcpEntry, mcpJsonItems } from '../render-helpers';
import type { RenderInput } from '../types';

/** Kiro expands `${VAR}` in mcp.json itself: placeholders stay, no secret on disk. */
const KIRO_VARS = { native: (name: string) => `\${${name}}` };

/** Every server as one key of `mcpServers` in `.kiro/settings/mcp.json` (or `~/.kiro/settings/mcp.json`). */
export function mcp(input: RenderInput, kiroDir: string, rep: Reporter): { items: Desired[]; warnings: string[] } {
  const file = join(kiroDir, 'settings', 'mcp.json');
  const out = mcpJsonItems(input.mcpServers, file, 'mcpServers', input.vars, KIRO_VARS, (s, r) => mcpEntry(s, r));
  const where = input.scope === 'project' ? '.kiro/settings/mcp.json' : file;
  for (const s of input.mcpServers) rep.native('mcp-server', s.name, `${where} mcpServers`);
  return { items: out.items, warnings: out.warnings };
}
