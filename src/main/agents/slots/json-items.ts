import { applyEdits, findNodeAtLocation, getNodeValue, type Node } from 'jsonc-parser';
import { AppError } from '../../../shared/errors';
import {
  appendEdit,
  detectStyle,
  jsonPath,
  layout,
  parseJsonRoot,
  removeJsonPath,
  removeEdit,
  setJsonValue,
} from './json-keys';

/**
 * One element of an array in a shared JSON file (a hook in `hooks.PreToolUse`, a rule in `permissions.allow`),
 * found by its content: `id` is its canonical JSON. Other elements, keys, comments and layout are kept byte for
 * byte (see json-keys.ts).
 */

/** JSON with object keys sorted, so two deep-equal values compare equal whatever their key order. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
  return out;
}

function parseId(id: string): unknown {
  try {
    return JSON.parse(id) as unknown;
  } catch {
    throw new AppError('INTERNAL', `A JSON array item's id is not JSON: ${id.slice(0, 80)}`, 'Report this as a bug.');
  }
}

function arrayAt(root: Node | undefined, file: string, parent: string): Node | undefined {
  const n = root && findNodeAtLocation(root, jsonPath(parent));
  if (!n) return undefined;
  if (n.type !== 'array')
    throw new AppError(
      'INVALID_FILE',
      `${file}: "${parent}" is not an array, so the file was not changed.`,
      'Fix the file and install again.',
      {
        file,
      },
    );
  return n;
}

/** The element of the array deep-equal to `id`'s value, if any. */
function findItem(arr: Node | undefined, id: string): Node | undefined {
  if (!arr?.children?.length) return undefined;
  const want = canonicalJson(parseId(id));
  return arr.children.find((c) => canonicalJson(getNodeValue(c)) === want);
}

/** `id` when an element deep-equal to it is in the array at `parent`; undefined otherwise. */
export function readJsonItem(text: string | undefined, file: string, parent: string, id: string): string | undefined {
  return findItem(arrayAt(parseJsonRoot(text, file), file, parent), id) ? id : undefined;
}

/** Appends the element (creating the array and its parents as needed) unless an equal one is there. */
export function writeJsonItem(
  text: string | undefined,
  file: string,
  parent: string,
  id: string,
  value: unknown,
): string {
  const root = parseJsonRoot(text, file);
  const arr = arrayAt(root, file, parent);
  if (!arr) return setJsonValue(text, file, jsonPath(parent), [value]);
  if (findItem(arr, id)) return text!;
  const style = detectStyle(text!, root!);
  return applyEdits(text!, [appendEdit(text!, arr, style, (base) => layout(value, style, base))]);
}

/** Deletes the element; with `dropEmptyParent`, the array (and parent objects) left empty go too. */
export function removeJsonItem(
  text: string,
  file: string,
  parent: string,
  id: string,
  dropEmptyParent: boolean,
): string {
  const root = parseJsonRoot(text, file);
  const arr = arrayAt(root, file, parent);
  const item = findItem(arr, id);
  if (!arr || !item) return text;
  if (dropEmptyParent && arr.children!.length === 1) return removeJsonPath(text, file, jsonPath(parent), true);
  return applyEdits(text, [removeEdit(text, arr, item)]);
}
