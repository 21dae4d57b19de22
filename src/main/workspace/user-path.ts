import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { escapeUnsafeChars } from '../../shared/unsafe-chars';
import { pathShapeProblem } from '../../shared/file-path';

/** A path as it may appear in a message: control and bidi characters shown as escapes. */
const shown = (p: string): string => escapeUnsafeChars(p);

const OVERWRITE_HINT = 'Pick another file name, or pass --force (overwrite: true) to replace it.';
const PARENT_HINT = 'Create the folder first, or pick a file in an existing folder.';
const PERMISSION_HINT = 'Pick a place you can write to, or fix the permissions of that folder.';

function checkShape(p: string, field: string): string {
  const problem = pathShapeProblem(p);
  if (problem)
    throw new AppError('INVALID_REQUEST', `The path "${shown(p)}" (field "${field}") ${problem}.`, PARENT_HINT, {
      field,
    });
  return path.resolve(p);
}

/** The stat of a path (of the link itself when `link`), undefined when nothing is there. */
function statOrUndefined(p: string, link = false): fs.Stats | undefined {
  try {
    return link ? fs.lstatSync(p) : fs.statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EACCES' || code === 'EPERM') throw forbidden(p, 'read');
    throw e;
  }
}

function forbidden(p: string, what: 'read' | 'write'): AppError {
  return new AppError('FORBIDDEN', `No permission to ${what} ${shown(p)}.`, PERMISSION_HINT, { file: p });
}

/**
 * Checks a file a channel is about to write: absolute, no NUL, not `/`, its folder exists and is writable, and it
 * does not exist yet (unless `overwrite`). A symlink at the path counts as existing. Returns the normalised path.
 */
export function checkOutputFile(file: string, opts: { overwrite?: boolean; field?: string } = {}): string {
  const field = opts.field ?? 'file';
  const abs = checkShape(file, field);
  const parent = path.dirname(abs);
  const dir = statOrUndefined(parent);
  if (!dir)
    throw new AppError('NOT_FOUND', `The folder ${shown(parent)} (for field "${field}") does not exist.`, PARENT_HINT, {
      field,
      file: abs,
    });
  if (!dir.isDirectory())
    throw new AppError('INVALID_REQUEST', `${shown(parent)} (for field "${field}") is not a folder.`, PARENT_HINT, {
      field,
      file: abs,
    });
  const existing = statOrUndefined(abs, true);
  if (existing?.isDirectory())
    throw new AppError('INVALID_REQUEST', `${shown(abs)} (field "${field}") is a folder, not a file.`, OVERWRITE_HINT, {
      field,
      file: abs,
    });
  if (existing && !opts.overwrite)
    throw new AppError('ALREADY_EXISTS', `${shown(abs)} (field "${field}") already exists.`, OVERWRITE_HINT, {
      field,
      file: abs,
    });
  try {
    fs.accessSync(parent, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    throw forbidden(parent, 'write');
  }
  return abs;
}

/** Checks a file or folder a channel reads: absolute, no NUL, not `/`, present and readable. Returns it normalised. */
export function checkInputPath(p: string, opts: { kind?: 'file' | 'dir' | 'any'; field?: string } = {}): string {
  const field = opts.field ?? 'file';
  const kind = opts.kind ?? 'any';
  const abs = checkShape(p, field);
  const st = statOrUndefined(abs);
  if (!st)
    throw new AppError(
      'NOT_FOUND',
      `${shown(abs)} (field "${field}") does not exist.`,
      'Check the path and try again.',
      {
        field,
        file: abs,
      },
    );
  if (kind === 'file' && !st.isFile())
    throw new AppError(
      'INVALID_REQUEST',
      `${shown(abs)} (field "${field}") is not a file.`,
      'Give the path of a file.',
      {
        field,
        file: abs,
      },
    );
  if (kind === 'dir' && !st.isDirectory())
    throw new AppError(
      'INVALID_REQUEST',
      `${shown(abs)} (field "${field}") is not a folder.`,
      'Give the path of a folder.',
      { field, file: abs },
    );
  try {
    fs.accessSync(abs, fs.constants.R_OK | (st.isDirectory() ? fs.constants.X_OK : 0));
  } catch {
    throw forbidden(abs, 'read');
  }
  return abs;
}
