import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { LintRuleId } from '../../shared/lint';
import { frontmatterFence, parseFrontmatter, type FrontmatterRepair } from '../library/frontmatter';

/** One finding of the lint (see lint.ts), before it is sorted into the report; its severity is its rule's. */
export interface LintFinding {
  readonly file: string;
  readonly line: number;
  /** 1-based; 1 when left out. */
  readonly col?: number;
  readonly rule: LintRuleId;
  readonly message: string;
  /** The frontmatter or file field the finding is about (`globs`, `hooks[0].event`, `skills`). */
  readonly field?: string;
  /** What to do about it, in one sentence. */
  readonly fix?: string;
}

export type Add = (f: LintFinding) => void;
export type FieldPath = ReadonlyArray<string | number>;

export interface Pos {
  readonly line: number;
  readonly col: number;
}

/** Parsed YAML (or JSON) data with the 1-based file line (and column) of any field in it. */
export interface YamlSource {
  readonly data: unknown;
  /** The line of the field at `path`, or of its nearest parent that exists. */
  readonly lineAt: (path: FieldPath) => number;
  /** {@link lineAt} with the column of the key (or value) there. */
  readonly at: (path: FieldPath) => Pos;
}

/** `hooks.0.event` → `hooks[0].event`. */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

function sourceOf(doc: Document, counter: LineCounter, firstLine: number, data: unknown): YamlSource {
  const pos = (offset: number): Pos => {
    const p = counter.linePos(offset);
    return { line: p.line + firstLine - 1, col: Math.max(1, p.col) };
  };
  const at = (path: FieldPath): Pos => {
    for (let n = path.length; n >= 0; n--) {
      if (n > 0 && typeof path[n - 1] === 'string') {
        // A field named by its key: the key's line (its value may start on the next line, or be empty).
        const parent = n === 1 ? doc.contents : safeGet(doc, path.slice(0, n - 1));
        const key = keyRange(parent, String(path[n - 1]));
        if (key !== undefined) return pos(key);
      }
      const node = n === 0 ? doc.contents : safeGet(doc, path.slice(0, n));
      if (isNode(node) && node.range) return pos(node.range[0]);
    }
    return { line: firstLine, col: 1 };
  };
  return { data, at, lineAt: (path) => at(path).line };
}

/**
 * Positions for data some other reader made of `text` (the tolerant frontmatter reader): a top-level field is
 * found by its `key:` line, anything deeper at its top-level key.
 */
function sourceByLines(text: string, firstLine: number, data: unknown): YamlSource {
  const lines = text.split('\n');
  const at = (path: FieldPath): Pos => {
    const key = path[0];
    if (typeof key !== 'string') return { line: firstLine, col: 1 };
    const i = lines.findIndex((l) => {
      const m = /^\s*(["']?)([^:]*?)\1\s*:/.exec(l);
      return m?.[2] === key;
    });
    return i < 0
      ? { line: firstLine, col: 1 }
      : { line: i + firstLine, col: (/^\s*/.exec(lines[i]!)?.[0].length ?? 0) + 1 };
  };
  return { data, at, lineAt: (path) => at(path).line };
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
  | { readonly ok: false; readonly line: number; readonly col: number; readonly message: string };

/** Parses YAML text that starts at file line `firstLine`; never throws (unresolved aliases included). */
export function parseYamlAt(text: string, firstLine = 1): ParseResult {
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: true, lineCounter: counter, uniqueKeys: true });
  } catch (e) {
    return { ok: false, line: firstLine, col: 1, message: firstLineOf((e as Error).message) };
  }
  const err = doc.errors[0];
  if (err)
    return {
      ok: false,
      line: (err.linePos?.[0]?.line ?? 1) + firstLine - 1,
      col: Math.max(1, err.linePos?.[0]?.col ?? 1),
      message: firstLineOf(err.message),
    };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // `*x` with no `&x` anchor: the YAML library throws here, not in doc.errors.
    return { ok: false, line: firstLine, col: 1, message: firstLineOf((e as Error).message) };
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
    const col = /column (\d+)/.exec(msg)?.[1];
    const before = pos ? text.slice(0, Number(pos)).split('\n') : undefined;
    return {
      ok: false,
      line: before ? before.length : line ? Number(line) : 1,
      col: before ? (before.at(-1)?.length ?? 0) + 1 : col ? Number(col) : 1,
      message: msg,
    };
  }
  const y = parseYamlAt(text);
  return {
    ok: true,
    source: y.ok
      ? { data, lineAt: y.source.lineAt, at: y.source.at }
      : { data, lineAt: () => 1, at: () => ({ line: 1, col: 1 }) },
  };
}

/** The first line of a parser message, without its " at line 2, column 5" (relative to the frontmatter). */
function firstLineOf(s: string): string {
  return (s.split('\n')[0] ?? s).replace(/ at line \d+, column \d+:?$/, '');
}

/** A top-level `key: value` line. */
const TOP_LINE = /^([A-Za-z_][A-Za-z0-9_.-]*)([ \t]*:[ \t]+)(.*?)[ \t]*\r?$/;
/** Keys whose value is a glob (list); Cursor writes `globs: **\/*.ts` unquoted, Copilot `applyTo: **\/*.ts`. */
const GLOB_KEY = /^(globs|paths|applyTo|fileMatchPattern)$/;

export type Frontmatter =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'ok'; readonly data: Record<string, unknown>; readonly source: YamlSource };

export interface LineRepair {
  readonly line: number;
  readonly col: number;
  readonly key: string;
  readonly value: string;
}

/** Whether the value of a top-level line is one the tools read as text and strict YAML refuses. */
function repairable(key: string, value: string): boolean {
  if (!value || /^["'|>#]/.test(value)) return false;
  if (parseYamlAt(`${key}: ${value}`).ok) return false;
  if (GLOB_KEY.test(key)) return !/^[[-]/.test(value) && /[*{}!&?]/.test(value);
  // A flow list or map that is closed and then goes on (`[x] | y`); an unclosed one is a real mistake.
  if (/^[[{]/.test(value)) return /^(\[[^\]]*\]|\{[^}]*\})\s*[^\s#,]/.test(value);
  // `*x` and `&x` are YAML aliases and anchors: a mistake when written as text, left to the strict error.
  return !/^[*&!%@`]/.test(value);
}

/** Each top-level `key: value` line strict YAML refuses quoted as the string it was meant to be, re-parsed. */
function repairLines(yamlText: string): { source: YamlSource; repairs: LineRepair[] } | undefined {
  const repairs: LineRepair[] = [];
  const fixed = yamlText.split('\n').map((l, i) => {
    const m = TOP_LINE.exec(l);
    if (!m || !repairable(m[1]!, m[3]!)) return l;
    repairs.push({ line: i + 2, col: m[1]!.length + m[2]!.length + 1, key: m[1]!, value: m[3]! });
    return `${m[1]}${m[2]}${JSON.stringify(m[3])}`;
  });
  if (!repairs.length) return undefined;
  const retry = parseYamlAt(fixed.join('\n'), 2);
  return retry.ok ? { source: retry.source, repairs } : undefined;
}

function repairMessage(r: LineRepair): string {
  const why = GLOB_KEY.test(r.key)
    ? 'an unquoted "*" or "{" starts YAML syntax); Cursor reads it, YAML parsers and the other tools do not'
    : 'strict YAML reads ": ", "[", "]" and "|" in it as syntax); the tools read it as text, YAML parsers do not';
  return `${r.key}: ${r.value} is not valid YAML (${why}`;
}

const repairFix = (r: LineRepair): string => `quote the value: ${r.key}: ${JSON.stringify(r.value)}`;

/**
 * One `frontmatter/not-strict-yaml` warning per line the tolerant reader repaired (at its line and column, with
 * its message), or, where the lint's own line repair quoted that line, with the exact value to write; only the
 * lint's repairs when the reader reported none.
 */
export function repairWarnings(
  rel: string,
  repairs: ReadonlyArray<FrontmatterRepair>,
  own: ReadonlyArray<LineRepair>,
  add: Add,
): void {
  const mine = new Map(own.map((r) => [r.line, r]));
  const done = new Set<number>();
  const warn = (line: number, col: number, message: string, fix: string, field?: string): void => {
    done.add(line);
    add({ file: rel, line, col, rule: 'frontmatter/not-strict-yaml', message, fix, ...(field ? { field } : {}) });
  };
  for (const r of repairs) {
    const line = Math.max(1, r.line);
    const mineHere = mine.get(line);
    if (mineHere && !done.has(line))
      warn(line, mineHere.col, repairMessage(mineHere), repairFix(mineHere), mineHere.key);
    else if (!mineHere)
      warn(line, Math.max(1, r.col), r.message, 'write it as strict YAML (quote the value, indent with spaces)', r.key);
  }
  if (!repairs.length) for (const r of own) warn(r.line, r.col, repairMessage(r), repairFix(r), r.key);
}

/**
 * The frontmatter of a Markdown file, with its findings. Frontmatter that strict YAML refuses but the tools read
 * (an unquoted glob, a colon or brackets in a value, whatever the tolerant reader of library/frontmatter.ts
 * repairs) is read as the tools read it, with a `frontmatter/not-strict-yaml` warning per repair; only what no
 * reader can make a mapping of is an error.
 */
export function readFrontmatter(rel: string, text: string, add: Add): Frontmatter {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The reader's own fence (library/frontmatter-lines.ts): lint and the index see the same frontmatter.
  const fence = frontmatterFence(src);
  if (!fence) {
    if (/^---\r?\n/.test(src))
      add({
        file: rel,
        line: 1,
        rule: 'frontmatter/unclosed',
        message: 'frontmatter starts with "---" but has no closing "---" line',
        fix: 'add a line "---" after the last frontmatter line',
      });
    return { kind: 'none' };
  }
  const yamlText = fence.source;
  const strict = parseYamlAt(yamlText, 2);
  if (strict.ok) return asMapping(rel, strict.source, add);

  const lines = repairLines(yamlText);
  const tolerant = parseFrontmatter(src);
  const warn = (line: number, col: number, message: string, fix: string, field?: string): void =>
    add({ file: rel, line, col, rule: 'frontmatter/not-strict-yaml', message, fix, ...(field ? { field } : {}) });
  if (!tolerant.error && typeof tolerant.frontmatter === 'object') {
    // What the index, import and install read: the tolerant reader's data, each of its repairs a warning.
    if (tolerant.repairs.length) repairWarnings(rel, tolerant.repairs, lines?.repairs ?? [], add);
    else if (lines) repairWarnings(rel, [], lines.repairs, add);
    else warn(strict.line, strict.col, `not strict YAML: ${strict.message}`, 'write the frontmatter as strict YAML');
    return {
      kind: 'ok',
      data: tolerant.frontmatter,
      source: lines
        ? { ...lines.source, data: tolerant.frontmatter }
        : sourceByLines(yamlText, 2, tolerant.frontmatter),
    };
  }
  if (lines) {
    repairWarnings(rel, [], lines.repairs, add);
    return asMapping(rel, lines.source, add);
  }
  add({
    file: rel,
    line: strict.line,
    col: strict.col,
    rule: 'frontmatter/invalid',
    message: `invalid YAML frontmatter: ${strict.message}`,
    fix: 'fix the YAML syntax; quote values that contain ": ", "#", "*", "{" or "["',
  });
  return { kind: 'invalid' };
}

function asMapping(rel: string, source: YamlSource, add: Add): Frontmatter {
  const data = source.data;
  if (data === null || data === undefined) return { kind: 'ok', data: {}, source };
  if (typeof data !== 'object' || Array.isArray(data)) {
    add({
      file: rel,
      line: 2,
      rule: 'frontmatter/not-a-mapping',
      message: 'frontmatter must be a YAML mapping (key: value lines)',
      fix: 'write the frontmatter as "key: value" lines',
    });
    return { kind: 'invalid' };
  }
  return { kind: 'ok', data: data as Record<string, unknown>, source };
}
