import type { McpServer } from '../../../../shared/agents';
import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { join, mcpEntry, mcpJsonItems } from '../render-helpers';
import type { RenderInput } from '../types';
import { VarResolver } from '../../vars';

/** Kiro expands `${VAR}` in mcp.json and agent files itself: placeholders stay, no secret on disk. */
const KIRO_VARS = { native: (name: string) => `\${${name}}` };

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * A server entry as Kiro reads it: the common shape plus the keys Kiro's MCP config has beyond it (`disabled`,
 * `autoApprove`, `disabledTools`, `timeout`), kept from the library server (an import keeps them there) when they
 * have the type Kiro reads.
 */
export function kiroEntry(s: McpServer, r: VarResolver): Record<string, unknown> {
  const x = s as Record<string, unknown>;
  return {
    ...mcpEntry(s, r),
    ...(typeof x.disabled === 'boolean' ? { disabled: x.disabled } : {}),
    ...(isStringList(x.autoApprove) ? { autoApprove: [...x.autoApprove] } : {}),
    ...(isStringList(x.disabledTools) ? { disabledTools: [...x.disabledTools] } : {}),
    ...(Number.isInteger(x.timeout) && (x.timeout as number) >= 0 ? { timeout: x.timeout } : {}),
  };
}

/**
 * Servers of an agent that is not written as a Kiro agent (a bundle): one key of `mcpServers` each in
 * `.kiro/settings/mcp.json` (or `~/.kiro/settings/mcp.json`), which every agent includes.
 */
export function mcp(input: RenderInput, kiroDir: string, rep: Reporter): { items: Desired[]; warnings: string[] } {
  const file = join(kiroDir, 'settings', 'mcp.json');
  const out = mcpJsonItems(input.mcpServers, file, 'mcpServers', input.vars, KIRO_VARS, kiroEntry);
  const where = input.scope === 'project' ? '.kiro/settings/mcp.json' : file;
  for (const s of input.mcpServers) rep.native('mcp-server', s.name, `${where} mcpServers`);
  return { items: out.items, warnings: out.warnings };
}

/** An agent's own servers, for its agent file's `mcpServers` (where a Kiro custom agent carries them). */
export function agentServers(
  input: RenderInput,
  file: string,
  where: string,
  rep: Reporter,
): { value: Record<string, unknown>; warnings: string[] } {
  const r = new VarResolver(input.vars, KIRO_VARS, file);
  const value = Object.fromEntries(input.mcpServers.map((s) => [s.name, kiroEntry(s, r)]));
  for (const s of input.mcpServers) rep.native('mcp-server', s.name, `${where} mcpServers`);
  return { value, warnings: [...r.warnings] };
}
