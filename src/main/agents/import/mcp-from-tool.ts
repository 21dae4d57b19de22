const KNOWN = new Set([
  'type',
  'command',
  'args',
  'env',
  'url',
  'httpUrl',
  'serverUrl',
  'headers',
  'http_headers',
  'bearer_token_env_var',
  'env_http_headers',
]);

/** HTTP headers, with Codex's `bearer_token_env_var` and `env_http_headers` (variable names) as `${VAR}` headers. */
function headersOf(entry: Record<string, unknown>): Record<string, string> {
  const out = strRecord(entry.headers ?? entry.http_headers);
  for (const [k, v] of Object.entries(strRecord(entry.env_http_headers))) out[k] = `\${${v}}`;
  if (typeof entry.bearer_token_env_var === 'string' && entry.bearer_token_env_var)
    out.Authorization = `Bearer \${${entry.bearer_token_env_var}}`;
  return out;
}

/** `${env:NAME}` (Cursor, VS Code) and `$NAME`-free placeholders back to the library's `${NAME}`. */
function placeholder(s: string): string {
  return s.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, '${$1}');
}

function strRecord(v: unknown): Record<string, string> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => typeof x === 'string')
      .map(([k, x]) => [k, placeholder(x as string)]),
  );
}

/** One tool's MCP server entry as a library `mcp-servers/<name>.json` object; keys we do not model are kept. */
export function mcpServerFromEntry(name: string, entry: Record<string, unknown>): Record<string, unknown> {
  const url = [entry.url, entry.httpUrl, entry.serverUrl].find((u): u is string => typeof u === 'string' && u !== '');
  const extra = Object.fromEntries(Object.entries(entry).filter(([k]) => !KNOWN.has(k)));
  const command = typeof entry.command === 'string' ? entry.command : '';
  if (command) {
    return {
      schemaVersion: 1,
      name,
      transport: 'stdio',
      command: placeholder(command),
      args: Array.isArray(entry.args)
        ? entry.args.filter((a): a is string => typeof a === 'string').map(placeholder)
        : [],
      env: strRecord(entry.env),
      ...extra,
    };
  }
  return {
    schemaVersion: 1,
    name,
    transport: 'http',
    url: placeholder(url ?? ''),
    headers: headersOf(entry),
    ...extra,
  };
}
