import { VarResolver } from '../vars';
import { agentJson, jsonFile } from './agent-json';
import { baseDir, join, mcpEntry } from './render-helpers';
import type { LegacyTarget as Target } from './legacy';

const SCHEMA_URL = 'https://raw.githubusercontent.com/aws/amazon-q-developer-cli/refs/heads/main/schemas/agent-v1.json';

/**
 * Amazon Q Developer CLI: one agent JSON in `~/.aws/amazonq/cli-agents/` or `<project>/.amazonq/cli-agents/`, MCP
 * servers inside it.
 */
export const amazonQ: Target = {
  id: 'amazon-q',
  label: 'Amazon Q Developer CLI',
  scopes: ['user', 'project'],
  render(input) {
    const dir =
      input.scope === 'user'
        ? join(baseDir(input), '.aws', 'amazonq', 'cli-agents')
        : join(baseDir(input), '.amazonq', 'cli-agents');
    const file = join(dir, `${input.agent.name}.json`);
    const r = new VarResolver(input.vars, {}, file);
    // The published schema requires `command` on every server, HTTP ones included; it is ignored for HTTP.
    const mcpServers = Object.fromEntries(
      input.mcpServers.map((s) => [
        s.name,
        s.transport === 'http' ? { type: 'http', command: '', ...mcpEntry(s, r) } : mcpEntry(s, r),
      ]),
    );
    const json = { $schema: SCHEMA_URL, ...agentJson(input, 'amazon-q', { mcpServers }) };
    return { items: [jsonFile(file, json)], warnings: [...r.warnings] };
  },
};
