import { applyEdits, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Edit } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { AppError } from '../../../shared/errors';

type Obj = Record<string, unknown>;

/**
 * JSON config files we merge into (JSONC: comments and trailing commas, as VS Code and Cursor write them) are
 * changed by text edits at the exact place of our key or element, so every other byte (key order, comments,
 * indentation, line ends, a missing final newline) stays as it was, and removing what we added gives back the
 * original text. jsonc-parser reads the file (`parseTree`, `findNodeAtLocation`) and applies the edits
 * (`applyEdits`); the inserted text is laid out here with the file's own indentation and line ends rather than by
 * `modify`'s formatter, which would also re-lay the user's neighbouring lines (an inline `[1,2]` above ours).
 */

/** The last text parsed: the planner reads, writes and reads again the same text for every key of a file. */
let last: { readonly text: string; readonly root: Node } | undefined;

function invalid(file: string, why: string): AppError {
  return new AppError(
    'INVALID_FILE',
    `${file} is not valid JSON (${why}), so it was not changed.`,
    'Fix the file (comments and trailing commas are fine) and install again.',
    { file },
  );
}

/** The file's root object node; undefined for a missing or blank file. INVALID_FILE for what we cannot read. */
export function parseJsonRoot(text: string | undefined, file: string): Node | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  if (last?.text === text) return last.root;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !root)
    throw invalid(file, errors.length ? `${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset}` : '');
  if (root.type !== 'object')
    throw new AppError(
      'INVALID_FILE',
      `${file} does not hold a JSON object, so it was not changed.`,
      'Fix the file and install again.',
      {
        file,
      },
    );
  last = { text, root };
  return root;
}

/** Parses a JSON config file we merge into (JSONC accepted); INVALID_FILE rather than overwriting it. */
export function parseJsonObject(text: string | undefined, file: string): Obj {
  const root = parseJsonRoot(text, file);
  return root ? (getNodeValue(root) as Obj) : {};
}

/** Serialises a new file: two spaces and a final newline, or the indentation of `original`. */
export function formatJson(obj: unknown, original: string | undefined): string {
  const m = original ? /^\{\s*\n([ \t]+)"/.exec(original) : null;
  const indent = m ? m[1]! : 2;
  return JSON.stringify(obj, null, indent) + '\n';
}

/** A dotted parent path (`hooks.PreToolUse`; "" = the root) as segments. */
export function jsonPath(parent: string): string[] {
  return parent ? parent.split('.') : [];
}

/** How a file is laid out: its line end, its indentation unit, or `minified` (the whole object on one line). */
export interface JsonStyle {
  readonly eol: string;
  readonly unit: string;
  readonly minified: boolean;
}

export function detectStyle(text: string, root: Node): JsonStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const inside = text.slice(root.offset, root.offset + root.length);
  const minified = !!root.children?.length && !/[\r\n]/.test(inside);
  let unit = '  ';
  const first = root.children?.[0];
  const lead = first ? lineIndent(text, first.offset) : undefined;
  if (lead) unit = lead;
  else {
    const m = /^([ \t]+)\S/m.exec(inside);
    if (m) unit = m[1]!;
  }
  return { eol, unit, minified };
}

/** The whitespace before `offset` on its line when only whitespace precedes it there; undefined otherwise. */
function lineIndent(text: string, offset: number): string | undefined {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i > 0 && text[i - 1] !== '\n') return undefined;
  return text.slice(i, offset);
}

/** The indentation of the line `offset` is on. */
function indentOfLine(text: string, offset: number): string {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n') i--;
  return /^[ \t]*/.exec(text.slice(i, offset))![0];
}

/** `value` as JSON laid out like the file, its first line at the cursor and the next ones under `base`. */
export function layout(value: unknown, style: JsonStyle, base: string): string {
  if (style.minified) return JSON.stringify(value);
  return JSON.stringify(value, null, style.unit)
    .split('\n')
    .join(style.eol + base);
}

/** The text inside a container node (between its brackets). */
const interior = (text: string, n: Node): string => text.slice(n.offset + 1, n.offset + n.length - 1);

/** The edit that adds `entry` (a laid-out `"key": value` or element) as the last child of container `n`. */
export function appendEdit(text: string, n: Node, style: JsonStyle, entry: (base: string) => string): Edit {
  const kids = n.children ?? [];
  if (style.minified) {
    const lastKid = kids[kids.length - 1];
    return lastKid
      ? { offset: lastKid.offset + lastKid.length, length: 0, content: ',' + entry('') }
      : { offset: n.offset + 1, length: 0, content: entry('') };
  }
  const own = indentOfLine(text, n.offset);
  const lastKid = kids[kids.length - 1];
  if (lastKid) {
    const firstKid = kids[0]!;
    const inline = n.type === 'array' && !/[\r\n]/.test(text.slice(n.offset, firstKid.offset));
    if (inline) return { offset: lastKid.offset + lastKid.length, length: 0, content: ', ' + entry(own) };
    const ind = lineIndent(text, firstKid.offset) ?? own + style.unit;
    return { offset: lastKid.offset + lastKid.length, length: 0, content: ',' + style.eol + ind + entry(ind) };
  }
  const ind = own + style.unit;
  const close = /[\r\n]/.test(interior(text, n)) ? '' : style.eol + own;
  return { offset: n.offset + 1, length: 0, content: style.eol + ind + entry(ind) + close };
}

/** The edit that removes child `kid` (a property or an element) of container `n`, the inverse of appendEdit. */
export function removeEdit(text: string, n: Node, kid: Node): Edit {
  const kids = n.children ?? [];
  const i = kids.indexOf(kid);
  const end = kid.offset + kid.length;
  if (i > 0) {
    const prev = kids[i - 1]!;
    return { offset: prev.offset + prev.length, length: end - (prev.offset + prev.length), content: '' };
  }
  if (kids.length > 1) return { offset: kid.offset, length: kids[1]!.offset - kid.offset, content: '' };
  // The only child: an object or array holding nothing else (no comment) becomes empty brackets again.
  const start = n.offset + 1;
  const stop = n.offset + n.length - 1;
  const rest = text.slice(start, kid.offset) + text.slice(end, stop);
  if (rest.trim() === '' || rest.trim() === ',') return { offset: start, length: stop - start, content: '' };
  return { offset: kid.offset, length: end - kid.offset, content: '' };
}

/** The object node at `segs` below `root`, or undefined when absent or not an object. */
function objectAt(root: Node | undefined, segs: ReadonlyArray<string>): Node | undefined {
  const n = root && (segs.length ? findNodeAtLocation(root, [...segs]) : root);
  return n?.type === 'object' ? n : undefined;
}

/**
 * Sets the value at `segs` (creating missing parent objects; `value` is what goes there) in `text`; the file's
 * layout is kept. A parent that exists but is not an object is INVALID_FILE (we will not replace it).
 */
export function setJsonValue(
  text: string | undefined,
  file: string,
  segs: ReadonlyArray<string>,
  value: unknown,
): string {
  const root = parseJsonRoot(text, file);
  if (!root) {
    let v = value;
    for (let i = segs.length - 1; i >= 0; i--) v = { [segs[i]!]: v };
    return JSON.stringify(v, null, 2) + '\n';
  }
  const t = text!;
  const style = detectStyle(t, root);
  let node = root;
  let depth = 0;
  for (; depth < segs.length; depth++) {
    const next = findNodeAtLocation(node, [segs[depth]!]);
    if (!next) break;
    if (depth === segs.length - 1) {
      const base = style.minified ? '' : indentOfLine(t, next.parent!.offset);
      return applyEdits(t, [{ offset: next.offset, length: next.length, content: layout(value, style, base) }]);
    }
    if (next.type !== 'object')
      throw new AppError(
        'INVALID_FILE',
        `${file}: "${segs.slice(0, depth + 1).join('.')}" is not an object, so the file was not changed.`,
        'Fix the file and install again.',
        { file },
      );
    node = next;
  }
  let v = value;
  for (let i = segs.length - 1; i > depth; i--) v = { [segs[i]!]: v };
  const key = JSON.stringify(segs[depth]!);
  const entry = (base: string) => (style.minified ? `${key}:` : `${key}: `) + layout(v, style, base);
  return applyEdits(t, [appendEdit(t, node, style, entry)]);
}

/**
 * Removes the node at `segs` (a property); with `dropEmptyParents`, the parent objects it leaves empty go too, up
 * to (not including) the root object.
 */
export function removeJsonPath(
  text: string,
  file: string,
  segs: ReadonlyArray<string>,
  dropEmptyParents: boolean,
): string {
  const root = parseJsonRoot(text, file);
  const node = root && findNodeAtLocation(root, [...segs]);
  if (!root || !node) return text;
  let prop = node.parent!;
  if (dropEmptyParents)
    while (prop.parent && prop.parent !== root && prop.parent.children?.length === 1 && prop.parent.parent?.parent)
      prop = prop.parent.parent;
  return applyEdits(text, [removeEdit(text, prop.parent!, prop)]);
}

/** The canonical text of `parent.key`, or undefined. */
export function readJsonKey(text: string | undefined, file: string, parent: string, key: string): string | undefined {
  const p = objectAt(parseJsonRoot(text, file), jsonPath(parent));
  const n = p && findNodeAtLocation(p, [key]);
  return n ? JSON.stringify(getNodeValue(n)) : undefined;
}

/** Whether the parent object exists (so we know whether we created it). */
export function hasJsonParent(text: string | undefined, file: string, parent: string): boolean {
  if (!parent) return true;
  return objectAt(parseJsonRoot(text, file), jsonPath(parent)) !== undefined;
}

/** Whether the array at `parent` exists (json-item: whether we created it). */
export function hasJsonArray(text: string | undefined, file: string, parent: string): boolean {
  const root = parseJsonRoot(text, file);
  return !!parent && !!root && findNodeAtLocation(root, jsonPath(parent))?.type === 'array';
}

/** Sets `parent.key`, keeping every other key, its order, comments and layout. */
export function writeJsonKey(
  text: string | undefined,
  file: string,
  parent: string,
  key: string,
  value: unknown,
): string {
  return setJsonValue(text, file, [...jsonPath(parent), key], value);
}

/** Deletes `parent.key`; drops the parent (and parents above it left empty) too when we created it. */
export function removeJsonKey(
  text: string,
  file: string,
  parent: string,
  key: string,
  dropEmptyParent: boolean,
): string {
  const segs = jsonPath(parent);
  if (!objectAt(parseJsonRoot(text, file), segs)) return text;
  return removeJsonPath(text, file, [...segs, key], dropEmptyParent && segs.length > 0);
}

/** A JSON file holding nothing but an empty object (no key, no comment). */
export function isEmptyJson(text: string, file: string): boolean {
  const root = parseJsonRoot(text, file);
  return !root || text.replace(/\s+/g, '') === '{}';
}
