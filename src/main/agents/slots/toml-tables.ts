import { parse as parseToml } from 'smol-toml';
import { AppError } from '../../../shared/errors';
import { parseTomlKeyPath, tomlBasicString, tomlKey } from '../targets/formats/toml';

/** The comment lines around a TOML table we own; every other line of the file is left byte for byte. */
export function tomlMarkers(table: string): { begin: string; end: string } {
  return { begin: `# ai-configurator:begin ${table}`, end: `# ai-configurator:end ${table}` };
}

function find(text: string, table: string): { start: number; end: number; inner: string } | undefined {
  const { begin, end } = tomlMarkers(table);
  const s = text.indexOf(begin + '\n');
  if (s < 0) return undefined;
  const e = text.indexOf(end, s);
  if (e < 0) return undefined;
  let stop = e + end.length;
  if (text[stop] === '\n') stop++;
  return { start: s, end: stop, inner: text.slice(s + begin.length + 1, e).replace(/\n$/, '') };
}

/** The last text parsed: a write checks its output parses, and the next table's read parses that same text. */
let last: { readonly text: string; readonly value: Record<string, unknown>; readonly foreign?: string } | undefined;

function parse(text: string, file: string): Record<string, unknown> {
  if (last?.text === text) return last.value;
  try {
    const value = parseToml(text) as Record<string, unknown>;
    last = { text, value };
    return value;
  } catch (e) {
    throw new AppError(
      'INVALID_FILE',
      `${file} is not valid TOML (${(e as Error).message.split('\n')[0]}), so it was not changed.`,
      'Fix the file and install again.',
      { file },
    );
  }
}

/** Our block's body; a "foreign:" marker when someone else defines the same table; undefined when absent. */
export function readTomlTable(text: string | undefined, file: string, table: string): string | undefined {
  if (text === undefined) return undefined;
  const at = find(text, table);
  if (at) return at.inner;
  let node: unknown = parse(text, file);
  // The header's keys as TOML reads them: `mcp_servers."awslabs.aws-docs"` is two keys, not three.
  for (const part of parseTomlKeyPath(table))
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node === undefined ? undefined : `foreign:${JSON.stringify(node)}`;
}

/** Replaces our block or appends it; the result must still parse. */
export function writeTomlTable(text: string | undefined, file: string, table: string, body: string): string {
  const { begin, end } = tomlMarkers(table);
  const block = `${begin}\n${body.replace(/\n+$/, '')}\n${end}\n`;
  const cur = text ?? '';
  const at = find(cur, table);
  const out = at
    ? cur.slice(0, at.start) + block + cur.slice(at.end)
    : cur.trim() === ''
      ? block
      : `${cur.endsWith('\n') ? cur : cur + '\n'}\n${block}`;
  if (!at && appendedParses(cur, out, block)) return out;
  parse(out, file);
  return out;
}

/**
 * Whether `out` (= `cur` known to parse, plus `block` appended) parses, without parsing all of it again: true when
 * the block parses alone and adds only keys `cur` does not have (then the two documents cannot clash), with the
 * combined value remembered for the next call. False: decide by parsing the whole text.
 */
function appendedParses(cur: string, out: string, block: string): boolean {
  const base = cur.trim() === '' ? {} : last?.text === cur ? last.value : undefined;
  if (!base) return false;
  // Only where the top-level keys the block sets appear in `cur` inside our own blocks: someone else's inline table
  // or dotted keys under the same name could make the append invalid in ways the values alone do not show.
  const foreign = last?.text === cur && last.foreign !== undefined ? last.foreign : withoutOurBlocks(cur);
  for (const m of block.matchAll(/^\[+\s*"?([A-Za-z0-9_-]+)/gm)) if (foreign.includes(m[1]!)) return false;
  let add: Record<string, unknown>;
  try {
    add = parseToml(block) as Record<string, unknown>;
  } catch {
    return false;
  }
  const merged = mergeNew(base, add);
  if (!merged) return false;
  last = { text: out, value: merged, foreign };
  return true;
}

/** The text without our marked blocks. */
function withoutOurBlocks(text: string): string {
  return text.replace(/^# ai-configurator:begin (\S+)\n[\s\S]*?^# ai-configurator:end \1\n?/gm, '');
}

/**
 * `base` with `add`'s tables merged in, or undefined if `add` sets anything `base` already has (other than tables
 * to descend).
 */
function mergeNew(base: Record<string, unknown>, add: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(add)) {
    if (!(k in base)) {
      out[k] = v;
      continue;
    }
    const b = base[k];
    if (!isTable(b) || !isTable(v)) return undefined;
    const inner = mergeNew(b, v);
    if (!inner) return undefined;
    out[k] = inner;
  }
  return out;
}

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

export function removeTomlTable(text: string, table: string): string {
  const at = find(text, table);
  if (!at) return text;
  let before = text.slice(0, at.start);
  if (before.endsWith('\n\n')) before = before.slice(0, -1);
  return before + text.slice(at.end);
}

/** A TOML string literal (basic string with escapes). */
export function tomlString(s: string): string {
  return tomlBasicString(s);
}

/** `key = value` lines for strings, string arrays and string maps (inline tables). */
export function tomlKeyValues(
  entries: ReadonlyArray<readonly [string, string | ReadonlyArray<string> | Readonly<Record<string, string>>]>,
): string {
  const key = tomlKey;
  return entries
    .map(([k, v]) => {
      if (typeof v === 'string') return `${key(k)} = ${tomlString(v)}`;
      if (Array.isArray(v)) return `${key(k)} = [${v.map(tomlString).join(', ')}]`;
      return `${key(k)} = { ${Object.entries(v as Record<string, string>)
        .map(([a, b]) => `${key(a)} = ${tomlString(b)}`)
        .join(', ')} }`;
    })
    .join('\n');
}
