import type { ContentKind } from '../../../../shared/content';
import { Reporter } from '../formats/report';
import type { RenderInput, Target } from '../types';
import { renderMcp } from './mcp';

export { claudeDesktopConfigPath } from './mcp';

const LABEL = 'Claude Desktop';
const ONLY_MCP = 'Claude Desktop reads only MCP servers from files';

/**
 * Claude Desktop (modelcontextprotocol.io quickstart, checked 2026-12-02): MCP servers in
 * claude_desktop_config.json, user scope only. No fallbacks: the agent, its rules, skills, commands, hooks and
 * permissions are reported skipped (the app reads none of them from files), and remote (HTTP) servers are skipped
 * with the pointer to Settings > Connectors.
 */
export const claudeDesktop: Target = {
  id: 'claude-desktop',
  label: LABEL,
  scopes: ['user'],
  surfaces: [
    {
      kind: 'mcp-server',
      scope: 'user',
      path: 'claude_desktop_config.json mcpServers (~/Library/Application Support/Claude/, %APPDATA%\\Claude\\, ~/.config/Claude/)',
      docUrl: 'https://modelcontextprotocol.io/quickstart/user',
      checked: '2026-12-02',
      note: 'stdio servers only; remote servers are added in the app under Settings > Connectors',
    },
  ],
  detect: {
    dirs: ['.config/Claude', 'Library/Application Support/Claude', 'AppData/Roaming/Claude'],
    bins: [],
  },
  formatVersion: 2,
  render(input) {
    const reporter = new Reporter(LABEL);
    for (const [kind, name] of otherItems(input)) reporter.skipped(kind, name, ONLY_MCP);
    const mcp = renderMcp(input, reporter);
    return { items: mcp.items, warnings: [...reporter.warnings, ...mcp.warnings], report: reporter.report };
  },
};

/** Every item of a kind Claude Desktop does not read, as [kind, name]. */
function otherItems(input: RenderInput): Array<[ContentKind, string]> {
  const p = input.permissions;
  const hasPermissions = p.allow.length + p.ask.length + p.deny.length + p.ignore.length > 0;
  return [
    ['agent', input.agent.name],
    ...input.resources.map((r): [ContentKind, string] => ['rule', r.path]),
    ...input.skills.map((s): [ContentKind, string] => ['skill', s.name]),
    ...input.commands.map((c): [ContentKind, string] => ['command', c.name]),
    ...input.hooks.map((h): [ContentKind, string] => ['hook', h.name]),
    ...(hasPermissions ? [['permissions', 'permissions'] as [ContentKind, string]] : []),
  ];
}
