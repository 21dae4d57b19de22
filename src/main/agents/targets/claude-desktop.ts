import path from 'node:path';
import type { McpServer } from '../../../shared/agents';
import { type VarResolver } from '../vars';
import { mcpEntry, mcpJsonItems } from './render-helpers';
import type { LegacyTarget as Target } from './legacy';

/** Where Claude Desktop keeps its config on each OS. */
export function claudeDesktopConfigPath(homeDir: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'darwin')
    return path.join(homeDir, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json');
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(homeDir, 'AppData', 'Roaming'), 'Claude', 'claude_desktop_config.json');
  return path.join(homeDir, '.config', 'Claude', 'claude_desktop_config.json');
}

/**
 * Claude Desktop: `mcpServers` merged into claude_desktop_config.json. It runs stdio servers only, so HTTP ones go
 * through `mcp-remote`.
 */
export const claudeDesktop: Target = {
  id: 'claude-desktop',
  label: 'Claude Desktop',
  scopes: ['user'],
  render(input) {
    const file = claudeDesktopConfigPath(input.homeDir, input.platform, input.vars.env);
    const mcp = mcpJsonItems(input.mcpServers, file, 'mcpServers', input.vars, {}, (s, r) =>
      s.transport === 'http' ? viaRemote(s, r) : mcpEntry(s, r),
    );
    const notes = input.mcpServers.some((s) => s.transport === 'http')
      ? ['Claude Desktop runs only local (stdio) servers: HTTP servers are bridged with `npx -y mcp-remote`.']
      : [];
    return { items: mcp.items, warnings: [...notes, ...mcp.warnings] };
  },
};

function viaRemote(s: Extract<McpServer, { transport: 'http' }>, r: VarResolver): Record<string, unknown> {
  const headers = Object.entries(r.resolveRecord(s.headers)).flatMap(([k, v]) => ['--header', `${k}: ${v}`]);
  return { command: 'npx', args: ['-y', 'mcp-remote', r.resolve(s.url), ...headers] };
}
