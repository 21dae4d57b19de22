import { parse as parseYaml, stringify as toYaml } from 'yaml';

/**
 * Frontmatter for a file the import writes: the fields it maps (written by the YAML library) followed by every
 * other field exactly as the source wrote it. Source lines strict YAML rejects (`globs: *.ts`) are kept as one
 * literal block under `imported-frontmatter`, so the file stays valid and nothing is lost.
 */
export function frontmatterText(mapped: Record<string, unknown>, source: string, drop: ReadonlySet<string>): string {
  const clean = Object.fromEntries(Object.entries(mapped).filter(([, v]) => v !== undefined));
  const head = Object.keys(clean).length ? toYaml(clean, { lineWidth: 0 }) : '';
  const kept = keptBlocks(source, new Set([...drop, ...Object.keys(clean)]));
  if (!kept) return head;
  const strict = strictMapping(kept);
  if (strict && !Object.keys(strict).some((k) => k in clean)) return head + kept + '\n';
  const literal = kept
    .split(/\r?\n/)
    .map((l) => `  ${l}`)
    .join('\n');
  return `${head}imported-frontmatter: |-\n${literal}\n`;
}

/** A Markdown file's text from frontmatter text ('' for none) and a body. */
export function markdownText(fmText: string, body: string): string {
  const b = body.replace(/^(\r?\n)+/, '');
  return fmText ? `---\n${fmText}---\n\n${b}` : b;
}

/** The top-level `key:` blocks of frontmatter text (with their indented lines), minus the dropped keys. */
function keptBlocks(source: string, drop: ReadonlySet<string>): string {
  const out: string[] = [];
  let keep = false;
  for (const line of source.split(/\r?\n/)) {
    const key = /^([^\s#:][^:]*?)[ \t]*:(?:\s|$)/.exec(line)?.[1];
    if (key !== undefined) keep = !drop.has(key.replace(/^["']|["']$/g, ''));
    else if (!/^[\s#-]/.test(line) && line !== '') keep = true;
    if (keep) out.push(line);
  }
  while (out.length && out[out.length - 1]!.trim() === '') out.pop();
  return out.join('\n');
}

function strictMapping(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = parseYaml(text, { uniqueKeys: true });
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
