import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { mcpEntry, mcpJsonItems } from '../render-helpers';
import type { RenderInput } from '../types';

/**
 * Servers as keys of `mcpServers` in Devin's config.json (`.devin/config.json`, `~/.config/devin/config.json`):
 * what docs.devin.ai documents for the shared Devin CLI / Devin Local harness. HTTP servers: `url`,
 * `transport: "http"`, `headers`.
 */
export function devinMcp(
  input: RenderInput,
  file: string,
  shown: string,
  rep: Reporter,
): { items: Desired[]; warnings: string[] } {
  const out = mcpJsonItems(input.mcpServers, file, 'mcpServers', input.vars, {}, (s, r) =>
    s.transport === 'http' ? { ...mcpEntry(s, r), transport: 'http' } : mcpEntry(s, r),
  );
  for (const s of input.mcpServers) rep.native('mcp-server', s.name, `${shown} mcpServers`);
  return { items: out.items, warnings: out.warnings };
}
