import type { McpServer } from '../../../shared/agents';
import { tomlKeyValues } from '../slots/toml-tables';
import { VarResolver } from '../vars';
import { baseDir, inlinePrompt, join, sectionBody } from './render-helpers';
import type { LegacyTarget as Target } from './legacy';

/** Codex reads at most this much of AGENTS.md (project_doc_max_bytes). */
export const CODEX_AGENTS_MD_CAP = 32 * 1024;

/** Codex CLI: a managed section in AGENTS.md and `[mcp_servers.<name>]` tables in `~/.codex/config.toml`. */
export const codex: Target = {
  id: 'codex',
  label: 'OpenAI Codex CLI',
  scopes: ['user', 'project'],
  render(input) {
    const agentsMd =
      input.scope === 'user' ? join(input.homeDir, '.codex', 'AGENTS.md') : join(baseDir(input), 'AGENTS.md');
    const config = join(input.homeDir, '.codex', 'config.toml');
    const r = new VarResolver(input.vars, {}, config);
    const tables = input.mcpServers.map((s) => ({
      kind: 'toml-table' as const,
      path: config,
      id: `mcp_servers.${s.name}`,
      body: `[mcp_servers.${s.name}]\n${codexServer(s, r)}`,
    }));
    return {
      items: [
        {
          kind: 'section',
          path: agentsMd,
          id: input.agent.name,
          content: sectionBody(input, inlinePrompt(input.agent.prompt, input.resources)),
        },
        ...tables,
      ],
      warnings: [...r.warnings],
    };
  },
  check(file, after) {
    if (!file.endsWith('AGENTS.md')) return undefined;
    const bytes = Buffer.byteLength(after, 'utf8');
    return bytes > CODEX_AGENTS_MD_CAP ? tooBigMessage(file, bytes) : undefined;
  },
};

/** The warning for an AGENTS.md longer than Codex reads. */
function tooBigMessage(file: string, bytes: number): string {
  return (
    `${file} would be ${bytes.toLocaleString('en')} bytes; ` +
    `Codex reads only the first ${CODEX_AGENTS_MD_CAP.toLocaleString('en')} (project_doc_max_bytes). ` +
    'Pick fewer resources or raise project_doc_max_bytes in ~/.codex/config.toml.'
  );
}

function codexServer(s: McpServer, r: VarResolver): string {
  if (s.transport === 'stdio') {
    const env = r.resolveRecord(s.env);
    return tomlKeyValues([
      ['command', r.resolve(s.command)],
      ['args', s.args.map((a) => r.resolve(a))],
      ...(Object.keys(env).length ? [['env', env] as const] : []),
    ]);
  }
  const headers = r.resolveRecord(s.headers);
  return tomlKeyValues([
    ['url', r.resolve(s.url)],
    ...(Object.keys(headers).length ? [['http_headers', headers] as const] : []),
  ]);
}
