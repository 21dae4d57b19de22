import { agentJson, jsonFile } from './agent-json';
import { baseDir, join, mcpEntry, mcpJsonItems, toolSettings } from './render-helpers';
import type { LegacyTarget as Target } from './legacy';

/** Kiro: the agent JSON in `.kiro/agents/`, MCP servers merged into `.kiro/settings/mcp.json`. */
export const kiro: Target = {
  id: 'kiro',
  label: 'Kiro',
  scopes: ['user', 'project'],
  render(input) {
    const kiroDir = join(baseDir(input), '.kiro');
    const file = join(kiroDir, 'agents', `${input.agent.name}.json`);
    const mcp = mcpJsonItems(
      input.mcpServers,
      join(kiroDir, 'settings', 'mcp.json'),
      'mcpServers',
      input.vars,
      {},
      (s, r) => mcpEntry(s, r),
    );
    const extra = toolSettings(input, 'kiro').extra;
    const json = {
      ...agentJson(input, 'kiro', { includeMcpJson: true }),
      ...(typeof extra === 'object' && extra !== null ? (extra as Record<string, unknown>) : {}),
    };
    return { items: [jsonFile(file, json), ...mcp.items], warnings: mcp.warnings };
  },
};
