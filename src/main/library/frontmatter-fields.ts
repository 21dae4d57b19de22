import { stringify as toYaml } from 'yaml';
import { frontmatterFence, keyBlocks, splitLines } from './frontmatter-lines';

/**
 * Frontmatter fields as written, for importers that keep the fields they do not model byte for byte, and for
 * rewriting some keys of a file without touching the others (even when the file is not strict YAML).
 */

/** One top-level frontmatter key and its lines exactly as written. */
export interface FrontmatterField {
  /** The key (quotes removed). */
  readonly key: string;
  /** The key line and its continuation lines as written (CRLF kept), without the final line break. */
  readonly raw: string;
  /** 1-based line of the key in the file (the opening `---` is line 1). */
  readonly line: number;
}

function withoutBom(text: string): { bom: string; src: string } {
  return text.charCodeAt(0) === 0xfeff ? { bom: '\ufeff', src: text.slice(1) } : { bom: '', src: text };
}

/** Every top-level key of a Markdown file's frontmatter, in file order (a repeated key appears each time). */
export function frontmatterFields(text: string): FrontmatterField[] {
  const fence = frontmatterFence(withoutBom(text).src);
  if (!fence) return [];
  const lines = splitLines(fence.source, 2);
  return keyBlocks(lines).blocks.map((b) => {
    const last = lines[b.end - 1]!;
    const raw = fence.source.slice(lines[b.start]!.offset, last.offset + last.text.length);
    return { key: b.key, raw, line: lines[b.start]!.line };
  });
}

/**
 * The file with the named frontmatter keys set (strict YAML, one `key: value` block each) or removed (value
 * `undefined`); every other line, the body and the line endings stay exactly as written. A repeated key is
 * replaced where it last appears and its earlier copies removed; a new key is added at the end of the
 * frontmatter, and a file without frontmatter gets one.
 */
export function replaceFrontmatterFields(text: string, updates: Readonly<Record<string, unknown>>): string {
  const { bom, src } = withoutBom(text);
  const fence = frontmatterFence(src);
  const eol = (fence ? fence.source : src).includes('\r\n') ? '\r\n' : '\n';
  const yamlOf = (key: string, value: unknown) =>
    toYaml({ [key]: value }, { lineWidth: 0 })
      .replace(/\n$/, '')
      .replace(/\n/g, eol);
  // A new line inside the frontmatter, `\r` included when the file uses CRLF (the join adds the `\n`).
  const newLine = (key: string, value: unknown) => yamlOf(key, value) + (eol === '\r\n' ? '\r' : '');
  const keys = Object.keys(updates);
  if (!fence) {
    const added = keys.filter((k) => updates[k] !== undefined).map((k) => yamlOf(k, updates[k]) + eol);
    return added.length ? `${bom}---${eol}${added.join('')}---${eol}${src}` : text;
  }
  const { source } = fence;
  const lines = source === '' ? [] : splitLines(source, 2);
  const blocks = keyBlocks(lines).blocks;
  const lastOf = new Map(blocks.map((b, i) => [b.key, i] as const));
  // Line index -> what replaces the block starting there (undefined removes it); its other lines are dropped.
  const replace = new Map<number, string | undefined>();
  const drop = new Set<number>();
  blocks.forEach((b, i) => {
    if (!Object.hasOwn(updates, b.key)) return;
    const value = updates[b.key];
    replace.set(b.start, lastOf.get(b.key) === i && value !== undefined ? newLine(b.key, value) : undefined);
    for (let j = b.start + 1; j < b.end; j++) drop.add(j);
  });
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (drop.has(i)) return;
    if (replace.has(i)) {
      const r = replace.get(i);
      if (r !== undefined) out.push(r);
      return;
    }
    // The line as written, `\r` and all (the line break is added back by the join).
    out.push(source.slice(l.offset, l.offset + l.text.length + (source[l.offset + l.text.length] === '\r' ? 1 : 0)));
  });
  for (const k of keys) if (!lastOf.has(k) && updates[k] !== undefined) out.push(newLine(k, updates[k]));
  let next = out.join('\n');
  if (next.endsWith('\r') && !source.endsWith('\r')) next = next.slice(0, -1);
  if (source === '' && next !== '') next += eol;
  return bom + src.slice(0, fence.sourceStart) + next + src.slice(fence.sourceStart + source.length);
}
