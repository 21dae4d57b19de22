import { mcpServerSchema } from '../../shared/agents';
import { redact } from '../library/scan/secrets';
import { fieldName, parseJson, type Add, type FieldPath, type YamlSource } from './lint-yaml';

/** Env and header names that hold credentials. */
const SECRET_KEY =
  /(token|secret|passw(or)?d|api[-_]?key|access[-_]?key|private[-_]?key|credentials?$|^authorization$|session[-_]?key)/i;
/** Values that are obviously not a real secret: a placeholder text, a path, a number, a flag. */
const NOT_A_SECRET =
  /^(<[^>]*>|\[[^\]]*\]|(your|my|insert|enter|replace)[-_ ].*|.*(changeme|placeholder|example|xxxx).*|\*+|\.\.\.|[./~].*|\d{1,8}|true|false)$/i;

/** A literal credential (no `${VAR}` placeholder) in a server's `env` or `headers`. */
function secretLiterals(rel: string, src: YamlSource, add: Add, base: FieldPath = []): void {
  let data: unknown = src.data;
  for (const k of base) data = (data as Record<string | number, unknown> | undefined)?.[k];
  if (!data || typeof data !== 'object') return;
  for (const block of ['env', 'headers'] as const) {
    const map = (data as Record<string, unknown>)[block];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
      if (typeof value !== 'string' || !SECRET_KEY.test(key) || value.includes('${')) continue;
      const bare = value.replace(/^(Bearer|Basic|Token)\s+/i, '').trim();
      if (bare.length < 8 || /\s/.test(bare) || NOT_A_SECRET.test(bare)) continue;
      const placeholder = block === 'env' ? `\${${key}}` : `Bearer \${${key.replace(/\W/g, '_').toUpperCase()}}`;
      add({
        file: rel,
        ...src.at([...base, block, key]),
        rule: 'mcp/secret-literal',
        field: fieldName([...base, block, key]),
        message: `${block}.${key} holds a literal value (${redact(bare)}): a secret in a library file reaches everyone who clones it`,
        fix: `write "${key}": "${placeholder}" and set the variable where the tool runs (then rotate the old value)`,
      });
    }
  }
}

/**
 * A tool's own server JSON, as catalogues keep it: one entry (`{ "command": ..., "args": ... }`, `url`) or a map
 * (`mcpServers`, VS Code's `servers`). The paths of its entries; undefined for a library server (it has transport
 * or schemaVersion) or anything else.
 */
function toolNativeServers(data: unknown): FieldPath[] | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const o = data as Record<string, unknown>;
  if (o.transport !== undefined || o.schemaVersion !== undefined) return undefined;
  const isEntry = (e: unknown): boolean =>
    !!e &&
    typeof e === 'object' &&
    ['command', 'url', 'serverUrl', 'httpUrl'].some((k) => typeof (e as Record<string, unknown>)[k] === 'string');
  if (isEntry(o)) return [[]];
  for (const key of ['mcpServers', 'servers']) {
    const map = o[key];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    const names = Object.keys(map).filter((n) => isEntry((map as Record<string, unknown>)[n]));
    if (names.length) return names.map((n) => [key, n]);
  }
  return undefined;
}

/**
 * `mcp-servers/<name>.json`: strict JSON, `mcpServerSchema`, the name equal to the file name and unique, and
 * no literal credential; `seen` maps the names checked so far to their files.
 */
export function lintMcpServer(rel: string, text: string, seen: Map<string, string>, add: Add): void {
  const json = parseJson(text);
  if (!json.ok) {
    add({
      file: rel,
      line: json.line,
      col: json.col,
      rule: 'mcp/parse-error',
      message: `invalid JSON: ${json.message}`,
      fix: 'fix the JSON syntax (no trailing commas, double-quoted keys)',
    });
    return;
  }
  const native = toolNativeServers(json.source.data);
  if (native) {
    add({
      file: rel,
      line: 1,
      rule: 'mcp/tool-native',
      message: `a tool's own MCP server ${native.length === 1 && !native[0]!.length ? 'entry' : 'map'} (no transport): shared as a file, not installed as a library server`,
      fix: 'nothing, to share it as a file; to install it with ai-config, `ai-config import` it',
    });
    for (const base of native) secretLiterals(rel, json.source, add, base);
    return;
  }
  const parsed = mcpServerSchema.safeParse(json.source.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const p = issue.path as FieldPath;
      add({
        file: rel,
        ...json.source.at(p.length ? p : ['transport']),
        rule: 'mcp/field-invalid',
        field: fieldName(p) || 'transport',
        message: `field "${p.join('.') || 'transport'}": ${issue.message}`,
        fix: 'stdio servers need command (args, env); http servers need url (headers)',
      });
    }
    return;
  }
  secretLiterals(rel, json.source, add);
  const base = rel.slice('mcp-servers/'.length, -'.json'.length);
  const pos = json.source.at(['name']);
  if (parsed.data.name !== base)
    add({
      file: rel,
      ...pos,
      rule: 'mcp/name-mismatch',
      field: 'name',
      message: `name "${parsed.data.name}" does not match the file name "${base}"`,
      fix: `set "name": "${base}", or rename the file`,
    });
  const dup = seen.get(parsed.data.name);
  if (dup)
    add({
      file: rel,
      ...pos,
      rule: 'mcp/duplicate-name',
      field: 'name',
      message: `duplicate MCP server name "${parsed.data.name}" (also in ${dup})`,
      fix: 'give each server its own name',
    });
  else seen.set(parsed.data.name, rel);
}
