import { parse as parseYaml } from 'yaml';

export interface ParsedMarkdown {
  readonly frontmatter: Record<string, unknown>;
  readonly body: string;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
  readonly error?: string;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits `---\nyaml\n---\nbody`. A file without frontmatter has an empty one; bad YAML is reported, not thrown. */
export function parseFrontmatter(text: string): ParsedMarkdown {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const m = FENCE.exec(src);
  if (!m) return { frontmatter: {}, body: src, bodyLine: 1 };
  const body = src.slice(m[0].length);
  const bodyLine = m[0].split('\n').length;
  const simple = simpleYaml(m[1] ?? '');
  if (simple) return { frontmatter: simple, body, bodyLine };
  try {
    const data: unknown = parseYaml(m[1] ?? '', { prettyErrors: false });
    if (data === null || data === undefined) return { frontmatter: {}, body, bodyLine };
    if (typeof data !== 'object' || Array.isArray(data))
      return { frontmatter: {}, body, bodyLine, error: 'frontmatter must be a YAML mapping (key: value lines)' };
    return { frontmatter: data as Record<string, unknown>, body, bodyLine };
  } catch (e) {
    return { frontmatter: {}, body: src, bodyLine: 1, error: (e as Error).message.split('\n')[0] ?? 'invalid YAML' };
  }
}

// A plain word-like scalar YAML reads as a string: starts with a letter, no quotes, comment marks, colons or brackets.
const PLAIN = /^[A-Za-z][A-Za-z0-9 _./()-]*$/;
// Plain scalars YAML (1.1 or 1.2) would read as something other than a string.
const SPECIAL = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;

function plainString(v: string): string | undefined {
  const t = v.trim();
  return t && PLAIN.test(t) && !SPECIAL.test(t) && !t.includes('  ') ? t : undefined;
}

/**
 * The common frontmatter shape (`key: plain words` and `key: [a, b]` lines, nothing else) read without the YAML
 * parser, which costs ~0.15 ms a file. Anything else (quotes, nesting, numbers, booleans, comments, blank values,
 * repeated keys) returns undefined so the YAML parser decides; the result is always what the YAML parser gives.
 */
export function simpleYaml(src: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const line of src.split('\n')) {
    const l = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!l.trim()) continue;
    const m = LINE.exec(l.trimEnd());
    if (!m || m[1] === '__proto__' || SPECIAL.test(m[1]!) || Object.hasOwn(out, m[1]!) || m[2] === undefined)
      return undefined;
    const v = m[2];
    if (v.startsWith('[') && v.endsWith(']')) {
      const inner = v.slice(1, -1);
      if (!inner.trim()) out[m[1]!] = [];
      else {
        const items = inner.split(',').map(plainString);
        if (items.some((i) => i === undefined)) return undefined;
        out[m[1]!] = items;
      }
    } else {
      const str = plainString(v);
      if (str === undefined) return undefined;
      out[m[1]!] = str;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The inverse fast path: a mapping of plain-word strings and booleans as `key: value` lines, exactly as
 * yaml.stringify writes them; undefined for anything else (the caller uses the YAML library).
 */
export function simpleYamlText(record: Readonly<Record<string, unknown>>): string | undefined {
  let out = '';
  for (const [k, v] of Object.entries(record)) {
    if (!LINE.test(`${k}:`) || k === '__proto__' || SPECIAL.test(k)) return undefined;
    if (typeof v === 'boolean') out += `${k}: ${v}\n`;
    else if (typeof v === 'string' && plainString(v) === v) out += `${k}: ${v}\n`;
    else return undefined;
  }
  return out || undefined;
}

export function stringField(fm: Record<string, unknown>, key: string): string {
  const v = fm[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

export function tagsField(fm: Record<string, unknown>): string[] {
  const v = fm.tags;
  if (Array.isArray(v))
    return v
      .filter((t): t is string => typeof t === 'string')
      .map((t) => t.trim())
      .filter(Boolean);
  if (typeof v === 'string')
    return v
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  return [];
}
