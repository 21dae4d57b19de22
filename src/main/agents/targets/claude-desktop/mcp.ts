import path from 'node:path';
import type { McpServer } from '../../../../shared/agents';
import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { mcpEntry, mcpJsonItems } from '../render-helpers';
import type { RenderInput } from '../types';

/** Where Claude Desktop keeps its config on each OS. */
export function claudeDesktopConfigPath(homeDir: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'darwin')
    return path.join(homeDir, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json');
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(homeDir, 'AppData', 'Roaming'), 'Claude', 'claude_desktop_config.json');
  return path.join(homeDir, '.config', 'Claude', 'claude_desktop_config.json');
}

export const HTTP_SKIPPED =
  'Claude Desktop runs only local (stdio) servers from its config file; add it in Claude Desktop under Settings > Connectors';

/**
 * MCP: stdio servers as keys under `mcpServers` in claude_desktop_config.json (values resolved: Claude Desktop does
 * not expand `${VAR}`). Remote (HTTP) servers are skipped: the app adds them as connectors.
 */
export function renderMcp(input: RenderInput, reporter: Reporter): { items: Desired[]; warnings: string[] } {
  const file = claudeDesktopConfigPath(input.homeDir, input.platform, input.vars.env);
  const stdio: McpServer[] = [];
  for (const s of input.mcpServers) {
    if (s.transport === 'http') reporter.skipped('mcp-server', s.name, HTTP_SKIPPED);
    else {
      stdio.push(s);
      reporter.native('mcp-server', s.name, `${shownPath(input.homeDir, file)} mcpServers`);
    }
  }
  const mcp = mcpJsonItems(stdio, file, 'mcpServers', input.vars, {}, (s, r) => mcpEntry(s, r));
  return { items: mcp.items, warnings: [...mcp.warnings] };
}

function shownPath(home: string, file: string): string {
  const rel = path.relative(home, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : `~/${rel.split(path.sep).join('/')}`;
}
