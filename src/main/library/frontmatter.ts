import { parse as parseYaml, YAMLError } from 'yaml';
import { frontmatterFence } from './frontmatter-lines';
import { readTolerant, yamlReason } from './frontmatter-tolerant';

export { frontmatterFence } from './frontmatter-lines';
export { frontmatterFields, replaceFrontmatterFields, type FrontmatterField } from './frontmatter-fields';

/**
 * Something the tolerant reader had to fix to read a frontmatter strict YAML refuses (an unquoted glob or colon,
 * a tab indent, a repeated key...). Reported as a warning (lint rule `frontmatter/not-strict-yaml`), never thrown.
 */
export interface FrontmatterRepair {
  /** 1-based line in the whole file (the opening `---` is line 1). */
  readonly line: number;
  /** 1-based column. */
  readonly col: number;
  /** The key the repair is about (a dotted path for nested keys), when there is one. */
  readonly key?: string;
  /** What was repaired, for tools that group or filter repairs (always set by the reader). */
  readonly code?: FrontmatterRepairCode;
  readonly message: string;
}

/**
 * `value-as-text`: a value YAML refuses was read as its text; `tab-indent`: tabs read as spaces; `duplicate-key`:
 * a repeated key, the last one used; `stray-line`: a line that is not `key: value` was ignored; `not-strict-yaml`:
 * the whole text is refused but each key read on its own.
 */
export type FrontmatterRepairCode = 'value-as-text' | 'tab-indent' | 'duplicate-key' | 'stray-line' | 'not-strict-yaml';

export interface ParsedMarkdown {
  readonly frontmatter: Record<string, unknown>;
  readonly body: string;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
  /** Set only when even the tolerant reader could not make a mapping of it; the body is then still the body. */
  readonly error?: string;
  /** What the tolerant reader fixed; empty for strict YAML. */
  readonly repairs: ReadonlyArray<FrontmatterRepair>;
  /** The frontmatter text between the fences as written (no BOM), '' when there is none. */
  readonly source: string;
}

/** Splits `---\nyaml\n---\nbody`. A file without frontmatter has an empty one. Never throws. */
export function parseFrontmatter(text: string): ParsedMarkdown {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fence = frontmatterFence(src);
  if (!fence) return { frontmatter: {}, body: src, bodyLine: 1, repairs: [], source: '' };
  const { source } = fence;
  const base = { body: src.slice(fence.bodyStart), bodyLine: fence.bodyLine, source };
  const simple = simpleYaml(source);
  if (simple) return { ...base, frontmatter: simple, repairs: [] };
  let strictError: string;
  let at = { line: 2, col: 1 };
  try {
    const data: unknown = parseYaml(source, { prettyErrors: false, logLevel: 'error' });
    if (data === null || data === undefined) return { ...base, frontmatter: {}, repairs: [] };
    if (typeof data === 'object' && !Array.isArray(data))
      return { ...base, frontmatter: data as Record<string, unknown>, repairs: [] };
    strictError = NOT_A_MAPPING;
  } catch (e) {
    strictError = yamlReason(e);
    const pos = e instanceof YAMLError ? e.linePos?.[0] : undefined;
    if (pos) at = { line: pos.line + 1, col: pos.col };
  }
  // Strict YAML refused it: read it line by line as the tools do, and say what was repaired.
  const t = readTolerant(source, 2);
  if (!t.keys) return { ...base, frontmatter: {}, repairs: t.repairs, error: strictError };
  const repairs = t.repairs.length
    ? t.repairs
    : [
        {
          ...at,
          code: 'not-strict-yaml' as const,
          message: `The frontmatter is not strict YAML (${strictError}); each field was read on its own.`,
        },
      ];
  return { ...base, frontmatter: t.frontmatter, repairs };
}

const NOT_A_MAPPING = 'frontmatter must be a YAML mapping (key: value lines)';

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
