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
function secretLiterals(rel: string, src: YamlSource, add: Add): void {
  const data = src.data as Record<string, unknown>;
  for (const block of ['env', 'headers'] as const) {
    const map = data[block];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
      if (typeof value !== 'string' || !SECRET_KEY.test(key) || value.includes('${')) continue;
      const bare = value.replace(/^(Bearer|Basic|Token)\s+/i, '').trim();
      if (bare.length < 8 || /\s/.test(bare) || NOT_A_SECRET.test(bare)) continue;
      const placeholder = block === 'env' ? `\${${key}}` : `Bearer \${${key.replace(/\W/g, '_').toUpperCase()}}`;
      add({
        file: rel,
        ...src.at([block, key]),
        rule: 'mcp/secret-literal',
        field: `${block}.${key}`,
        message: `${block}.${key} holds a literal value (${redact(bare)}): a secret in a library file reaches everyone who clones it`,
        fix: `write "${key}": "${placeholder}" and set the variable where the tool runs (then rotate the old value)`,
      });
    }
  }
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
