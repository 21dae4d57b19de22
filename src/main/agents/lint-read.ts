import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { isLibraryFile } from '../library/kind';
import { looksBinary } from '../library/scan/read-capped';
import { inToolArea, toolKindOf } from '../library/tool-folders';
import { isSilentName } from '../library/walk';
import { libraryRoot, readInRoot } from '../workspace/boundary';
import type { Add } from './lint-yaml';

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;
const denied = (e: unknown): boolean => errno(e) === 'EACCES' || errno(e) === 'EPERM';
const gone = (e: unknown): boolean => errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR';

/** A file the lint reads: its path in the library (a WalkedFile fits). */
export interface LintFile {
  readonly rel: string;
}

/** Special folders whose entries are files: a folder there named like one (`hooks/x.yaml/`) is a mistake. */
const FILE_FOLDERS = /^(agents|commands|hooks|permissions|mcp-servers)\/[^/]+\.(md|mdc|markdown|json|ya?ml)$/i;

/** Whether the lint reads a file: a library file, or in a tool folder one of that folder's files (tool-folders.ts). */
const lintTakes = (rel: string, name: string): boolean =>
  inToolArea(rel) ? toolKindOf(rel) !== undefined : isLibraryFile(name);

/**
 * The library files under `root`, as walkLibrary lists them (the known tool folders, `.cursor/rules/*.mdc`... but
 * no other dot folders, no VCS or sync folders, no symlinks),
 * except that a folder it cannot read is a `file/unreadable` finding, one that vanished is skipped, and a folder
 * where a file is expected (`skills/x/SKILL.md/`) is `file/not-a-file`: never an exception.
 */
export async function walkForLint(root: string, add: Add): Promise<LintFile[]> {
  const out: LintFile[] = [];
  const visit = async (dir: string, relDir: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (gone(e)) return;
      add({
        file: relDir || '.',
        line: 1,
        rule: 'file/unreadable',
        message: `the folder could not be read (${errno(e) ?? (e as Error).message}); nothing in it was checked`,
        fix: denied(e) ? `make it readable: chmod a+rx ${relDir || '.'}` : 'check the folder, then lint again',
      });
      return;
    }
    const subdirs: Promise<void>[] = [];
    const depth = relDir ? relDir.split('/').length : 0;
    for (const ent of entries) {
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      if (ent.isDirectory()) {
        // As the library walks: VCS and sync folders and dot names stay out, except the known tool folders.
        if (isSilentName(ent.name, depth, true)) continue;
        if (FILE_FOLDERS.test(rel) || /^skills\/[^/]+\/skill\.md$/i.test(rel)) {
          add({
            file: rel,
            line: 1,
            rule: 'file/not-a-file',
            message: `${rel} is a folder; a file is expected here`,
            fix: `move the folder's contents elsewhere and make ${rel} a file`,
          });
          continue;
        }
        subdirs.push(visit(path.join(dir, ent.name), rel));
      } else if (ent.isFile() && !isSilentName(ent.name, depth, false) && lintTakes(rel, ent.name)) {
        // No stat here: the read (readForLint) lstats through the boundary and reports what it cannot read.
        out.push({ rel });
      }
    }
    await Promise.all(subdirs);
  };
  await visit(root, '');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The byte offset of the first byte that does not start a well-formed UTF-8 sequence, or 0. */
function firstBadByte(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}

/** 1-based line and column (in characters) of byte `offset`. */
function posOf(b: Buffer, offset: number): { line: number; col: number } {
  const before = b.subarray(0, offset);
  const nl = before.lastIndexOf(0x0a);
  let line = 1;
  for (const byte of before) if (byte === 0x0a) line++;
  return { line, col: before.subarray(nl + 1).toString('utf8').length + 1 };
}

/**
 * The text of each listed file, read through the filesystem boundary (never through a symlink). What cannot be
 * read is a finding: gone since the walk, unreadable, a folder or a link now, binary (not read further), or not
 * UTF-8 (read with replacement characters, and checked).
 */
export function readForLint(root: string, files: ReadonlyArray<LintFile>, add: Add): Map<string, string> {
  const fsRoot = libraryRoot(root);
  const texts = new Map<string, string>();
  for (const f of files) {
    const at = { file: f.rel, line: 1 };
    let bytes: Buffer | undefined;
    try {
      bytes = readInRoot(fsRoot, f.rel);
    } catch (e) {
      if (e instanceof AppError && e.code === 'SYMLINK_REFUSED')
        add({ ...at, rule: 'fs/symlink', message: `${e.message} (it was replaced by a link since it was listed)` });
      else if ((e instanceof AppError && e.code === 'INVALID_FILE') || errno(e) === 'EISDIR')
        add({ ...at, rule: 'file/not-a-file', message: 'this is not a regular file (a folder, FIFO or device)' });
      else
        add({
          ...at,
          rule: 'file/unreadable',
          message: `the file could not be read (${errno(e) ?? (e as Error).message})`,
          fix: denied(e) ? `make it readable: chmod a+r ${f.rel}` : 'check the file, then lint again',
        });
      continue;
    }
    if (bytes === undefined) {
      add({ ...at, rule: 'file/vanished', message: 'the file was removed between listing and reading' });
      continue;
    }
    if (looksBinary(bytes)) {
      add({
        ...at,
        rule: 'file/binary',
        message: 'the file holds NUL bytes (binary data, or UTF-16 text): it was not checked',
        fix: 'save text as UTF-8, and keep binary files out of the library folders',
      });
      continue;
    }
    try {
      texts.set(f.rel, strictUtf8.decode(bytes));
    } catch {
      const off = firstBadByte(bytes);
      add({
        file: f.rel,
        ...posOf(bytes, off),
        rule: 'file/not-utf8',
        message: `byte 0x${(bytes[off] ?? 0).toString(16).padStart(2, '0')} is not valid UTF-8; tools read it as "\uFFFD"`,
        fix: 'save the file as UTF-8',
      });
      texts.set(f.rel, bytes.toString('utf8'));
    }
  }
  return texts;
}
