import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { LibraryFile } from '../../shared/library';
import { libraryRoot, readInRootAsync } from '../workspace/boundary';
import { describeFile } from './describe';
import { ignoreMatcher } from './ignore-patterns';
import { isSilentPath } from './walk';
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

/** The patterns of an ignore list that leave the path out (a folder pattern above it counts), in list order. */
function ignoringPatterns(patterns: ReadonlyArray<string>, relPath: string): string[] {
  if (!ignoreMatcher(patterns).ignores(relPath, false)) return [];
  const own = patterns.filter((p) => !p.trim().startsWith('!') && ignoreMatcher([p]).ignores(relPath, false));
  return own.length ? own : [...patterns];
}

const ignored = (source: string, relPath: string, patterns: ReadonlyArray<string>) => {
  const quote = (p: string) => (/^[\w./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);
  const list = patterns.map((p) => `"${p}"`).join(', ');
  return new AppError(
    'NOT_FOUND',
    `${source}/${relPath} is ignored by the source's ignore list (${list}), so the library does not read it.`,
    `To read it, un-ignore it: ${patterns.map((p) => `\`ai-config library ignore ${source} ${quote(p)} --remove\``).join(', then ')}.`,
    { reason: 'ignored-by-pattern', patterns: [...patterns] },
  );
};

/**
 * One library or personal file by path (the `library:read` preview), read through the filesystem boundary:
 * never through a symlink (SYMLINK_REFUSED), never outside the source's folder, never a path the source's ignore
 * list leaves out (NOT_FOUND, with the patterns and the command that removes them).
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
  const rel = relPath.split(path.sep).join('/');
  // After the boundary, so a link is SYMLINK_REFUSED whatever its name. What no walk lists (`.git/`, sync-tool
  // folders, dot names other than the tool folders) is not a library file.
  if (isSilentPath(rel))
    throw new AppError(
      'NOT_FOUND',
      `${source}/${relPath} is not a library file: the library leaves out VCS, sync-tool and dot folders other than ` +
        'the tool folders (.cursor/, .claude/, .github/...).',
      'Pick a file from the library tree.',
      { reason: 'not-a-library-path' },
    );
  const patterns = ignoringPatterns(root.ignore ?? [], rel);
  if (patterns.length) throw ignored(source, relPath, patterns);
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
