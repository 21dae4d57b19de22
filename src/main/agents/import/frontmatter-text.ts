import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { frontmatterFields } from '../../library/frontmatter';

/**
 * Frontmatter for a file the import writes: the fields it maps (written by the YAML library) followed by every
 * other field of `text` (the source file) exactly as written (frontmatterFields). When those fields are not
 * strict YAML (`globs: *.ts`) they are kept as one literal block under `imported-frontmatter`, so the file stays
 * valid and nothing is lost.
 */
export function frontmatterText(mapped: Record<string, unknown>, text: string, drop: ReadonlySet<string>): string {
  const clean = Object.fromEntries(Object.entries(mapped).filter(([, v]) => v !== undefined));
  const head = Object.keys(clean).length ? toYaml(clean, { lineWidth: 0 }) : '';
  const kept = frontmatterFields(text)
    .filter((f) => !drop.has(f.key) && !Object.hasOwn(clean, f.key))
    .map((f) => f.raw.replace(/\r\n/g, '\n'))
    .join('\n');
  if (!kept) return head;
  const strict = strictMapping(kept);
  if (strict && !Object.keys(strict).some((k) => k in clean)) return head + kept + '\n';
  const literal = kept
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  return `${head}imported-frontmatter: |-\n${literal}\n`;
}

/** A Markdown file's text from frontmatter text ('' for none) and a body. */
export function markdownText(fmText: string, body: string): string {
  const b = body.replace(/^(\r?\n)+/, '');
  return fmText ? `---\n${fmText}---\n\n${b}` : b;
}

function strictMapping(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = parseYaml(text, { uniqueKeys: true });
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
