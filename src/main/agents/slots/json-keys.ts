import { AppError } from '../../../shared/errors';

type Obj = Record<string, unknown>;

/**
 * Parses a JSON config file we merge into; INVALID_FILE (with the file name) rather than overwriting what we cannot
 * read.
 */
export function parseJsonObject(text: string | undefined, file: string): Obj {
  if (text === undefined || text.trim() === '') return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new AppError(
      'INVALID_FILE',
      `${file} is not valid JSON (${(e as Error).message}), so it was not changed.`,
      'Fix the file (comments and trailing commas are not supported here) and install again.',
      { file },
    );
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new AppError(
      'INVALID_FILE',
      `${file} does not hold a JSON object, so it was not changed.`,
      'Fix the file and install again.',
      { file },
    );
  return v as Obj;
}

/** Serialises with the file's own indentation (two spaces when new) and a final newline. */
export function formatJson(obj: unknown, original: string | undefined): string {
  const m = original ? /^\{\s*\n([ \t]+)"/.exec(original) : null;
  const indent = m ? m[1]! : 2;
  return JSON.stringify(obj, null, indent) + '\n';
}

/** The canonical text of `parent.key`, or undefined. */
export function readJsonKey(text: string | undefined, file: string, parent: string, key: string): string | undefined {
  const obj = parseJsonObject(text, file);
  const p = parent ? obj[parent] : obj;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return undefined;
  return key in (p as Obj) ? JSON.stringify((p as Obj)[key]) : undefined;
}

/** Whether the parent object exists (so we know whether we created it). */
export function hasJsonParent(text: string | undefined, file: string, parent: string): boolean {
  if (!parent) return true;
  const p = parseJsonObject(text, file)[parent];
  return typeof p === 'object' && p !== null && !Array.isArray(p);
}

/** Sets `parent.key`, keeping every other key and its order. */
export function writeJsonKey(
  text: string | undefined,
  file: string,
  parent: string,
  key: string,
  value: unknown,
): string {
  const obj = parseJsonObject(text, file);
  if (parent) {
    const p = obj[parent];
    const base = typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Obj) : {};
    obj[parent] = { ...base, [key]: value };
  } else obj[key] = value;
  return formatJson(obj, text);
}

/** Deletes `parent.key`; drops the parent too when we created it and it is empty. */
export function removeJsonKey(
  text: string,
  file: string,
  parent: string,
  key: string,
  dropEmptyParent: boolean,
): string {
  const obj = parseJsonObject(text, file);
  const p = parent ? obj[parent] : obj;
  if (typeof p !== 'object' || p === null || Array.isArray(p) || !(key in (p as Obj))) return text;
  delete (p as Obj)[key];
  if (parent && dropEmptyParent && Object.keys(p as Obj).length === 0) delete obj[parent];
  return formatJson(obj, text);
}

/** A JSON file holding nothing but an empty object. */
export function isEmptyJson(text: string, file: string): boolean {
  return Object.keys(parseJsonObject(text, file)).length === 0;
}
