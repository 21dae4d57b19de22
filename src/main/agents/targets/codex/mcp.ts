import type { McpServer } from '../../../../shared/agents';
import type { Desired } from '../../model';
import { tomlKeyValues } from '../../slots/toml-tables';
import { VarResolver, type VarSource } from '../../vars';
import type { Reporter } from '../formats/report';
import { tomlTableId } from '../formats/toml';

/** `${VAR}` as the whole value. */
const WHOLE_VAR = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
/** `Bearer ${VAR}`. */
const BEARER_VAR = /^Bearer \$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/**
 * `[mcp_servers."<name>"]` tables. HTTP headers never carry a resolved token: `Authorization: Bearer ${VAR}` becomes
 * `bearer_token_env_var`, a header that is exactly `${VAR}` goes to `env_http_headers` (Codex reads the variable when
 * it starts), only literal headers go to `http_headers`.
 */
export function codexMcp(
  servers: ReadonlyArray<McpServer>,
  file: string,
  vars: VarSource,
  rep: Reporter,
): { items: Desired[]; warnings: string[] } {
  const r = new VarResolver(vars, {}, file);
  const items = servers.map((s): Desired => {
    const id = tomlTableId('mcp_servers', s.name);
    rep.native('mcp-server', s.name, `[${id}] in ${file}`);
    return { kind: 'toml-table', path: file, id, body: `[${id}]\n${codexServer(s, r)}` };
  });
  return { items, warnings: [...r.warnings] };
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
  let bearer: string | undefined;
  const fromEnv: Record<string, string> = {};
  const literal: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.headers)) {
    const b = k.toLowerCase() === 'authorization' ? BEARER_VAR.exec(v) : null;
    const w = WHOLE_VAR.exec(v);
    if (b && bearer === undefined) bearer = b[1]!;
    else if (w) fromEnv[k] = w[1]!;
    else literal[k] = r.resolve(v);
  }
  return tomlKeyValues([
    ['url', r.resolve(s.url)],
    ...(bearer ? [['bearer_token_env_var', bearer] as const] : []),
    ...(Object.keys(fromEnv).length ? [['env_http_headers', fromEnv] as const] : []),
    ...(Object.keys(literal).length ? [['http_headers', literal] as const] : []),
  ]);
}
