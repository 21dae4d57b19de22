import { parse as parseYaml } from 'yaml';
import type { FrontmatterRepair } from './frontmatter';
import { keyBlocks, keyLine, splitLines, type FmLine, type KeyBlock } from './frontmatter-lines';

/**
 * The line-based reader for frontmatter strict YAML refuses but the tools accept (Cursor's `globs: *.ts`,
 * `description: Use when: x`, tab indents, repeated keys...). Each top-level key's lines are parsed with YAML on
 * their own; a value YAML still refuses is read as its literal text, a list or nested block item by item.
 * Every such fix is a repair with its file line and column. Never throws.
 */

export interface TolerantRead {
  readonly frontmatter: Record<string, unknown>;
  readonly repairs: FrontmatterRepair[];
  /** How many top-level keys were found; 0 means nothing could be read as a mapping. */
  readonly keys: number;
}

/** Nested blocks deeper than this are read as text (hostile input cannot recurse without bound). */
const MAX_DEPTH = 8;

export function readTolerant(source: string, firstLine: number): TolerantRead {
  const repairs: FrontmatterRepair[] = [];
  const { value, keys } = readMapping(splitLines(source, firstLine), 0, repairs, '');
  return { frontmatter: value, repairs, keys };
}

type YamlResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** The YAML error's first line without its position (repairs carry their own line and column). */
export function yamlReason(e: unknown): string {
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  return first.replace(/ at line \d+, column \d+:?$/, '').trim() || 'invalid YAML';
}

function tryYaml(text: string, uniqueKeys = true): YamlResult {
  try {
    return { ok: true, value: parseYaml(text, { prettyErrors: false, uniqueKeys, logLevel: 'error' }) };
  } catch (e) {
    return { ok: false, reason: yamlReason(e) };
  }
}

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The one value of a one-key mapping, the shape a key block parses to. */
function single(r: YamlResult): { value: unknown } | undefined {
  if (!r.ok || !isMapping(r.value)) return undefined;
  const keys = Object.keys(r.value);
  return keys.length === 1 ? { value: r.value[keys[0]!] } : undefined;
}

function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  // As the YAML library does: `__proto__` is an ordinary own key, never the prototype.
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

const blank = (t: string) => t.trim() === '';
const comment = (t: string) => t.trimStart().startsWith('#');
const lead = (t: string) => /^[ \t]*/.exec(t)![0].length;
const ITEM = /^-(?:[ \t]|$)/;

/** The text with one pair of surrounding matching quotes removed, trimmed. */
function literalText(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.endsWith(t[0])) return t.slice(1, -1);
  return t;
}

/** `prefix` is the dotted path of the enclosing keys ('' at the top), so a nested repair names `a.b`. */
function readMapping(
  lines: ReadonlyArray<FmLine>,
  depth: number,
  repairs: FrontmatterRepair[],
  prefix: string,
): { value: Record<string, unknown>; keys: number } {
  const { blocks, stray } = keyBlocks(lines);
  for (const i of stray)
    repairs.push({
      line: lines[i]!.line,
      col: lines[i]!.col0 + 1,
      code: 'stray-line',
      message: 'This line is not a "key: value" line and was ignored. Indent it under a key, or remove it.',
    });
  const out: Record<string, unknown> = {};
  const first = new Map<string, number>();
  for (const block of blocks) {
    const b = { ...block, key: prefix + block.key };
    const value = readBlock(lines.slice(b.start, b.end), b, depth, repairs);
    const at = lines[b.start]!;
    const earlier = first.get(block.key);
    if (earlier === undefined) first.set(block.key, at.line);
    else
      repairs.push({
        line: at.line,
        col: at.col0 + 1,
        key: b.key,
        code: 'duplicate-key',
        message: `"${b.key}" is repeated (first on line ${earlier}); the last value is used. Remove the other one.`,
      });
    setOwn(out, block.key, value);
  }
  return { value: out, keys: blocks.length };
}

function readBlock(block: ReadonlyArray<FmLine>, b: KeyBlock, depth: number, repairs: FrontmatterRepair[]): unknown {
  const strict = tryYaml(block.map((l) => l.text).join('\n'));
  const asIs = single(strict);
  if (asIs) return asIs.value;
  // Tabs in the indentation become spaces one for one, so every column stays where it was.
  const tabbed = block.slice(1).filter((l) => /^[ ]*\t/.test(l.text));
  const norm = block.map((l, i) =>
    i === 0 ? l : { ...l, text: l.text.replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, ' ')) },
  );
  const normText = norm.map((l) => l.text).join('\n');
  if (tabbed.length)
    repairs.push({
      line: tabbed[0]!.line,
      col: tabbed[0]!.col0 + 1,
      key: b.key,
      code: 'tab-indent',
      message:
        `"${b.key}" is indented with tabs (${tabbed.length} line${tabbed.length > 1 ? 's' : ''}), ` +
        'which YAML does not allow; they were read as spaces. Indent with spaces.',
    });
  const r = tabbed.length ? tryYaml(normText) : strict;
  const untabbed = single(r);
  if (untabbed) return untabbed.value;
  const lastWins = !r.ok && /unique/i.test(r.reason) ? single(tryYaml(normText, false)) : undefined;
  if (lastWins) {
    repairs.push({
      line: block[0]!.line,
      col: block[0]!.col0 + 1,
      key: b.key,
      code: 'duplicate-key',
      message: `"${b.key}" repeats a key inside it; the last value is used. Remove the other one.`,
    });
    return lastWins.value;
  }
  return fallback(norm, b, depth, repairs, r.ok ? 'not a single key' : r.reason);
}

function textRepair(at: FmLine, col: number, key: string, reason: string, value: string): FrontmatterRepair {
  return {
    line: at.line,
    col: at.col0 + col + 1,
    key,
    code: 'value-as-text',
    message:
      `The value of "${key}" is not valid YAML (${reason}); it was read as the text ${JSON.stringify(value)}. ` +
      (/closing .?quote/i.test(reason) ? 'Close the quote.' : 'Put the value in quotes to make it strict YAML.'),
  };
}

function fallback(
  block: ReadonlyArray<FmLine>,
  b: KeyBlock,
  depth: number,
  repairs: FrontmatterRepair[],
  reason: string,
): unknown {
  const rest = block.slice(1);
  const content = rest.filter((l) => !blank(l.text) && !comment(l.text));
  const folded = (parts: string[]) => literalText(parts.map((p) => p.trim()).join(' '));
  // Reduce, not Math.min(...): a spread of a hostile number of lines would overflow the stack.
  const indent = content.reduce((m, l) => Math.min(m, lead(l.text)), Infinity);
  if (/^[|>][-+1-9]*$/.test(b.value) && content.length) {
    // A block scalar YAML still refused: its lines as written (`|`) or folded (`>`), without the indentation.
    const body = rest.map((l) => dedent(l, indent).text.trimEnd());
    while (body.length && !body[body.length - 1]) body.pop();
    const v = body.join(b.value.startsWith('|') ? '\n' : ' ') + (b.value.includes('-') ? '' : '\n');
    repairs.push(textRepair(block[0]!, b.valueCol, b.key, reason, v));
    return v;
  }
  if (b.value !== '') {
    // Continuation lines of a plain value fold into it with single spaces, as YAML folds a plain scalar.
    const v = folded([b.value, ...content.map((l) => l.text)]);
    repairs.push(textRepair(block[0]!, b.valueCol, b.key, reason, v));
    return v;
  }
  if (!content.length) return null;
  const asText = () => {
    const v = folded(content.map((l) => l.text));
    repairs.push(textRepair(content[0]!, lead(content[0]!.text), b.key, reason, v));
    return v;
  };
  if (depth >= MAX_DEPTH) return asText();
  if (ITEM.test(content[0]!.text.slice(indent))) return readList(rest, indent, b.key, depth, repairs);
  const nestedRepairs: FrontmatterRepair[] = [];
  const nested = readMapping(
    rest.map((l) => dedent(l, indent)),
    depth + 1,
    nestedRepairs,
    `${b.key}.`,
  );
  if (!nested.keys) return asText();
  repairs.push(...nestedRepairs);
  return nested.value;
}

function dedent(l: FmLine, n: number): FmLine {
  const k = Math.min(n, lead(l.text));
  return { ...l, text: l.text.slice(k), col0: l.col0 + k };
}

/** A `- item` list YAML refused as a whole: each item is read on its own, YAML first, then as text. */
function readList(
  rest: ReadonlyArray<FmLine>,
  indent: number,
  key: string,
  depth: number,
  repairs: FrontmatterRepair[],
): unknown[] {
  const items: FmLine[][] = [];
  for (const l of rest) {
    const cur = items[items.length - 1];
    if (blank(l.text) || comment(l.text)) cur?.push(l);
    else if (lead(l.text) === indent && ITEM.test(l.text.slice(indent))) items.push([l]);
    else if (lead(l.text) > indent && cur) cur.push(l);
    else
      repairs.push({
        line: l.line,
        col: l.col0 + 1,
        key,
        code: 'stray-line',
        message: `This line is not an item of the "${key}" list and was ignored. Indent it like the items.`,
      });
  }
  return items.map((item, index) => {
    const lines = item.map((l) => dedent(l, indent));
    const whole = tryYaml(lines.map((l) => l.text).join('\n'));
    if (whole.ok && Array.isArray(whole.value) && whole.value.length === 1) return whole.value[0];
    const reason = whole.ok ? 'not a single item' : whole.reason;
    const head = lines[0]!;
    const col = 1 + lead(head.text.slice(1));
    const first: FmLine = { ...head, text: head.text.slice(col), col0: head.col0 + col };
    const more = lines.slice(1).filter((l) => !blank(l.text) && !comment(l.text));
    if (depth < MAX_DEPTH && keyLine(first.text)) {
      const nestedRepairs: FrontmatterRepair[] = [];
      const sub = [first, ...lines.slice(1).map((l) => dedent(l, col))];
      const nested = readMapping(sub, depth + 1, nestedRepairs, `${key}[${index}].`);
      repairs.push(...nestedRepairs);
      return nested.value;
    }
    const v = literalText([first.text, ...more.map((l) => l.text)].map((p) => p.trim()).join(' '));
    repairs.push(textRepair(first, 0, key, reason, v));
    return v;
  });
}
