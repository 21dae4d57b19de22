import type { ParsedMarkdown } from '../../library/frontmatter';

/**
 * What the tolerant frontmatter reader had to repair, as import warnings `file:line: ...`; and, when even it
 * could not read the frontmatter, that its fields were ignored.
 */
export function repairWarnings(rel: string, md: ParsedMarkdown): string[] {
  const out = md.repairs.map((r) => `${rel}:${r.line}: ${r.message}`);
  if (md.error)
    out.push(`${rel}:2: the frontmatter could not be read (${md.error}); its fields were not imported, the body was.`);
  return out;
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
