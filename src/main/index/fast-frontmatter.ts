import { frontmatterFence, parseFrontmatter, stringField, tagsField } from '../library/frontmatter';

/** The fields the index keeps from a file's header. */
export interface HeaderFields {
  readonly title: string;
  readonly description: string;
  readonly tags: string[];
  /** Where the body starts in the text. */
  readonly bodyStart: number;
}

const SIMPLE_KEY = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/;
const PLAIN = /^[A-Za-z][^#:]*$|^[A-Za-z][^#]*[^\s:#]$/;
const FLOW_LIST = /^\[([^[\]{}"'#]*)\]$/;

function plainScalar(v: string): string | undefined {
  const s = v.trim();
  if (s.includes(': ') || s.includes(' #') || !PLAIN.test(s)) return undefined;
  if (/^(true|false|yes|no|on|off|null)$/i.test(s)) return undefined;
  return s;
}

/**
 * Reads the common, simple shape of frontmatter (`key: plain text`, `tags: [a, b]`, `tags:` + `- a` lines)
 * without a YAML parser, which is the slowest part of indexing. Returns undefined for anything it is not
 * sure about (quotes, block scalars, anchors, nested maps under the keys it reads), and the caller then uses YAML.
 */
export function simpleFrontmatter(yaml: string): Record<string, string | string[]> | undefined {
  const out: Record<string, string | string[]> = {};
  let listKey: string | undefined;
  let skipKey = false;
  for (const rawLine of yaml.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (line.startsWith(' ') || line.startsWith('\t') || line.startsWith('-')) {
      const item = /^[ \t]*-[ \t]+(.*)$/.exec(line);
      if (listKey && item) {
        const v = plainScalar(item[1]!);
        if (v === undefined) return undefined;
        (out[listKey] as string[]).push(v);
        continue;
      }
      if (skipKey) continue;
      return undefined;
    }
    const m = SIMPLE_KEY.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    const value = (m[2] ?? '').trim();
    const wanted = key === 'title' || key === 'name' || key === 'description' || key === 'tags';
    listKey = undefined;
    skipKey = !wanted;
    if (!wanted) continue;
    if (value === '') {
      if (key !== 'tags') return undefined;
      out[key] = [];
      listKey = key;
      continue;
    }
    const flow = FLOW_LIST.exec(value);
    if (flow) {
      const items = flow[1]!
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (items.some((x) => plainScalar(x) === undefined)) return undefined;
      out[key] = items;
      continue;
    }
    const v = plainScalar(value);
    if (v === undefined) return undefined;
    out[key] = v;
  }
  return out;
}

/**
 * Title, description and tags of a Markdown file: fast for simple frontmatter, otherwise what `parseFrontmatter`
 * reads (strict YAML, or the tolerant reader for what the tools accept), so the index and the library agree.
 */
export function markdownHeader(text: string, fallbackTitle: string): HeaderFields {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fence = src.startsWith('---') ? frontmatterFence(src) : undefined;
  let fm: Record<string, unknown> = {};
  let bodyStart = 0;
  if (fence) {
    fm = simpleFrontmatter(fence.source) ?? parseFrontmatter(src).frontmatter;
    bodyStart = fence.bodyStart;
  }
  const body = bodyStart ? src.slice(bodyStart, bodyStart + 4096) : src.slice(0, 4096);
  const heading = fm.title || fm.name ? undefined : /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  return {
    title: stringField(fm, 'title') || stringField(fm, 'name') || heading || fallbackTitle,
    description: stringField(fm, 'description'),
    tags: tagsField(fm),
    bodyStart: bodyStart + (src === text ? 0 : 1),
  };
}
