import { isNode, LineCounter, parseDocument, type Document } from 'yaml';

/** One finding of the lint (see lint.ts), before it is sorted into the report. */
export interface LintFinding {
  readonly file: string;
  readonly line: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The frontmatter or file field the finding is about (`globs`, `hooks[0].event`, `skills`). */
  readonly field?: string;
  /** What to do about it, in one sentence. */
  readonly fix?: string;
}

export type Add = (f: LintFinding) => void;
export type FieldPath = ReadonlyArray<string | number>;

/** Parsed YAML (or JSON) data with the 1-based file line of any field in it. */
export interface YamlSource {
  readonly data: unknown;
  /** The line of the field at `path`, or of its nearest parent that exists. */
  readonly lineAt: (path: FieldPath) => number;
}

/** `hooks.0.event` → `hooks[0].event`. */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

function sourceOf(doc: Document, counter: LineCounter, firstLine: number, data: unknown): YamlSource {
  const lineAt = (path: FieldPath): number => {
    for (let n = path.length; n >= 0; n--) {
      if (n > 0 && typeof path[n - 1] === 'string') {
        // A field named by its key: the key's line (its value may start on the next line, or be empty).
        const parent = n === 1 ? doc.contents : safeGet(doc, path.slice(0, n - 1));
        const key = keyRange(parent, String(path[n - 1]));
        if (key !== undefined) return counter.linePos(key).line + firstLine - 1;
      }
      const node = n === 0 ? doc.contents : safeGet(doc, path.slice(0, n));
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + firstLine - 1;
    }
    return firstLine;
  };
  return { data, lineAt };
}

function safeGet(doc: Document, path: FieldPath): unknown {
  try {
    return doc.getIn(path, true);
  } catch {
    return undefined;
  }
}

function keyRange(map: unknown, key: string): number | undefined {
  const items = (map as { items?: unknown[] } | undefined)?.items;
  if (!Array.isArray(items)) return undefined;
  for (const it of items) {
    const k = (it as { key?: unknown }).key;
    if (isNode(k) && k.range && String((k as { value?: unknown }).value) === key) return k.range[0];
  }
  return undefined;
}

export type ParseResult =
  | { readonly ok: true; readonly source: YamlSource }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** Parses YAML text that starts at file line `firstLine`; never throws (unresolved aliases included). */
export function parseYamlAt(text: string, firstLine = 1): ParseResult {
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: true, lineCounter: counter, uniqueKeys: true });
  } catch (e) {
    return { ok: false, line: firstLine, message: firstLineOf((e as Error).message) };
  }
  const err = doc.errors[0];
  if (err) return { ok: false, line: (err.linePos?.[0]?.line ?? 1) + firstLine - 1, message: firstLineOf(err.message) };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // `*x` with no `&x` anchor: the YAML library throws here, not in doc.errors.
    return { ok: false, line: firstLine, message: firstLineOf((e as Error).message) };
  }
  return { ok: true, source: sourceOf(doc, counter, firstLine, data) };
}

/** JSON text strictly (JSON.parse), with the lines from the YAML parser (JSON is YAML). */
export function parseJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg)?.[1];
    const line = /line (\d+)/.exec(msg)?.[1];
    return {
      ok: false,
      line: pos ? text.slice(0, Number(pos)).split('\n').length : line ? Number(line) : 1,
      message: msg,
    };
  }
  const y = parseYamlAt(text);
  return { ok: true, source: y.ok ? { data, lineAt: y.source.lineAt } : { data, lineAt: () => 1 } };
}

function firstLineOf(s: string): string {
  return s.split('\n')[0] ?? s;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Keys whose value is a glob list; Cursor writes `globs: **\/*.ts` unquoted. */
const GLOB_KEYS = /^(globs|paths)([ \t]*:[ \t]*)(.*?)[ \t]*\r?$/;

export type Frontmatter =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'ok'; readonly data: Record<string, unknown>; readonly source: YamlSource };

/**
 * The frontmatter of a Markdown file, with its findings: an unclosed fence or invalid YAML is an error; an
 * unquoted glob (`globs: **\/*.ts`, invalid YAML that Cursor reads anyway) is a warning, and the value is read as
 * the string it was meant to be.
 */
export function readFrontmatter(rel: string, text: string, add: Add): Frontmatter {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const m = FENCE.exec(src);
  if (!m) {
    if (/^---\r?\n/.test(src))
      add({
        file: rel,
        line: 1,
        severity: 'error',
        message: 'frontmatter starts with "---" but has no closing "---" line',
        fix: 'add a line "---" after the last frontmatter line',
      });
    return { kind: 'none' };
  }
  const yamlText = m[1] ?? '';
  let parsed = parseYamlAt(yamlText, 2);
  if (!parsed.ok) {
    const lines = yamlText.split('\n');
    const repaired: number[] = [];
    const fixed = lines.map((l, i) => {
      const g = GLOB_KEYS.exec(l);
      const v = g?.[3] ?? '';
      if (!g || !v || /^["'[\-|>#]/.test(v) || !/[*{}!&?]/.test(v)) return l;
      repaired.push(i);
      return `${g[1]}${g[2]}${JSON.stringify(v)}`;
    });
    const retry = repaired.length ? parseYamlAt(fixed.join('\n'), 2) : parsed;
    if (retry.ok) {
      for (const i of repaired) {
        const g = GLOB_KEYS.exec(lines[i]!)!;
        add({
          file: rel,
          line: i + 2,
          severity: 'warning',
          field: g[1]!,
          message: `${g[1]}: ${g[3]} is not valid YAML (an unquoted "*" or "{" starts YAML syntax); Cursor reads it, YAML parsers and the other tools do not`,
          fix: `quote the value: ${g[1]}: ${JSON.stringify(g[3])}`,
        });
      }
      parsed = retry;
    } else {
      add({
        file: rel,
        line: parsed.line,
        severity: 'error',
        message: `invalid YAML frontmatter: ${parsed.message}`,
        fix: 'fix the YAML syntax; quote values that contain ": ", "#", "*", "{" or "["',
      });
      return { kind: 'invalid' };
    }
  }
  const data = parsed.source.data;
  if (data === null || data === undefined) return { kind: 'ok', data: {}, source: parsed.source };
  if (typeof data !== 'object' || Array.isArray(data)) {
    add({
      file: rel,
      line: 2,
      severity: 'error',
      message: 'frontmatter must be a YAML mapping (key: value lines)',
      fix: 'write the frontmatter as "key: value" lines',
    });
    return { kind: 'invalid' };
  }
  return { kind: 'ok', data: data as Record<string, unknown>, source: parsed.source };
}
