import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { LibraryFile } from '../../shared/library';
import { libraryRoot, readInRootAsync } from '../workspace/boundary';
import { describeFile } from './describe';
import { kindOf } from './kind';
import type { SourceRoot } from './tree';

const noSource = (source: string) =>
  new AppError('NOT_FOUND', `There is no source named "${source}".`, 'Pick a source from `ai-config library list`.');

const outside = (source: string, relPath: string) =>
  new AppError(
    'INVALID_REQUEST',
    `The path "${relPath}" is outside the source "${source}".`,
    'Use a path relative to the source root.',
  );

const missing = (source: string, relPath: string) =>
  new AppError(
    'NOT_FOUND',
    `${source}/${relPath} does not exist.`,
    'Refresh the library tree; the file may have been moved or deleted.',
  );

/**
 * One library or personal file by path (the `library:read` preview), read through the filesystem boundary:
 * never through a symlink (SYMLINK_REFUSED), never outside the source's folder.
 */
export async function readLibraryFile(
  roots: ReadonlyArray<SourceRoot>,
  source: string,
  relPath: string,
): Promise<LibraryFile> {
  const root = roots.find((r) => r.name === source);
  if (!root) throw noSource(source);
  const abs = path.resolve(root.dir, relPath);
  if (!abs.startsWith(path.resolve(root.dir) + path.sep)) throw outside(source, relPath);
  const buf = await readInRootAsync(libraryRoot(root.dir), relPath);
  if (!buf) throw missing(source, relPath);
  const raw = buf.toString('utf8');
  const meta = describeFile(relPath, raw);
  return {
    source,
    path: relPath,
    kind: kindOf(relPath),
    frontmatter: meta.frontmatter,
    body: meta.body,
    raw,
    ...(meta.error ? { frontmatterError: meta.error } : {}),
  };
}
