import { parse as parseYaml } from 'yaml';
import { parseFrontmatter } from '../../library/frontmatter';

/** A Markdown file's frontmatter fields, body and raw frontmatter text, however loosely it was written. */
export interface ReadMarkdown {
  readonly fm: Record<string, unknown>;
  readonly body: string;
  readonly source: string;
  /** Why strict YAML refused the frontmatter, when it did (the fields were then read line by line). */
  readonly loose?: string;
}

/** Reads a Markdown file with the tolerant reader; lines it could not map are read as `key: text` pairs. */
export function readMarkdown(text: string): ReadMarkdown {
  const md = parseFrontmatter(text);
  if (!md.error) return { fm: md.frontmatter, body: md.body, source: md.source };
  return { fm: { ...looseFields(md.source), ...md.frontmatter }, body: md.body, source: md.source, loose: md.error };
}

/** `key: value` lines as strings (quotes removed) or `[a, b]` lists; what tools themselves accept. */
export function looseFields(source: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let listKey: string | undefined;
  for (const line of source.split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const prev = out[listKey];
      out[listKey] = [...(Array.isArray(prev) ? prev : []), unquote(item[1]!)];
      continue;
    }
    const m = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, raw] = m as unknown as [string, string, string];
    const v = raw.replace(/\s+#.*$/, '').trim();
    listKey = v === '' ? key : undefined;
    if (v === '') continue;
    const list = /^\[.*\]$/.test(v) ? flowList(v) : undefined;
    if (list) out[key] = list;
    else if (v === 'true' || v === 'false') out[key] = v === 'true';
    else out[key] = unquote(v);
  }
  return out;
}

/** `[a, "b c"]` as a list; undefined when the brackets are not one YAML flow list (`[x] | [y]`). */
function flowList(v: string): string[] | undefined {
  try {
    const parsed: unknown = parseYaml(v);
    return Array.isArray(parsed) ? parsed.map((x) => String(x)) : undefined;
  } catch {
    return undefined;
  }
}

/** A key's value as written on its line (quotes removed), for fields tools read as plain text (`argument-hint`). */
export function rawValue(source: string, key: string): string | undefined {
  const m = new RegExp(`^${key.replace(/[-]/g, '\\-')}[ \t]*:[ \t]*(.*)$`, 'm').exec(source);
  const v = m?.[1]?.replace(/\s+#.*$/, '').trim();
  return v ? unquote(v) : undefined;
}

function unquote(s: string): string {
  const t = s.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

/** A field as a string ('' when absent or not a string). */
export function str(fm: Record<string, unknown>, key: string): string {
  const v = fm[key];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** A glob field: a list, or one comma-separated string. */
export function globList(v: unknown): string[] {
  const list = Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string'
      ? v.split(',')
      : [];
  return list.map((s) => s.trim()).filter(Boolean);
}

/** A string list field: a list, or one comma-separated string. */
export function stringList(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return undefined;
}
