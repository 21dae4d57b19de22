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
  try {
    const data: unknown = parseYaml(m[1] ?? '', { prettyErrors: false });
    if (data === null || data === undefined) return { frontmatter: {}, body, bodyLine };
    if (typeof data !== 'object' || Array.isArray(data)) return { frontmatter: {}, body, bodyLine, error: 'frontmatter must be a YAML mapping (key: value lines)' };
    return { frontmatter: data as Record<string, unknown>, body, bodyLine };
  } catch (e) {
    return { frontmatter: {}, body: src, bodyLine: 1, error: (e as Error).message.split('\n')[0] ?? 'invalid YAML' };
  }
}

export function stringField(fm: Record<string, unknown>, key: string): string {
  const v = fm[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

export function tagsField(fm: Record<string, unknown>): string[] {
  const v = fm.tags;
  if (Array.isArray(v)) return v.filter((t): t is string => typeof t === 'string').map((t) => t.trim()).filter(Boolean);
  if (typeof v === 'string') return v.split(',').map((t) => t.trim()).filter(Boolean);
  return [];
}
