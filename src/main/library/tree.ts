import { readWalkedText } from '../workspace/boundary';
import type { LibraryEntry } from '../../shared/library';
import { describeFile } from './describe';
import { kindOf } from './kind';
import { walkLibrary } from './walk';

export interface SourceRoot {
  readonly name: string;
  readonly dir: string;
  /** The source's ignore list (settings `sources[].ignore`): gitignore-like patterns the walk leaves out. */
  readonly ignore?: ReadonlyArray<string>;
}

/**
 * Every file of every source and of the personal workspace, in precedence order (earliest first,
 * personal last). Later roots override earlier ones at the same path; each entry says which.
 */
export async function listLibrary(roots: ReadonlyArray<SourceRoot>): Promise<LibraryEntry[]> {
  const perRoot = await Promise.all(
    roots.map(async (root) => {
      const files = await walkLibrary(root.dir, { ignore: root.ignore ?? [] });
      return Promise.all(
        files.map(async (f) => {
          const text = readWalkedText(f.abs, f.rel);
          const meta = describeFile(f.rel, text);
          return {
            source: root.name,
            path: f.rel,
            kind: kindOf(f.rel),
            title: meta.title,
            description: meta.description,
            tags: meta.tags,
            size: f.size,
            mtimeMs: f.mtimeMs,
          };
        }),
      );
    }),
  );
  return applyPrecedence(
    perRoot.flat(),
    roots.map((r) => r.name),
  );
}

/** Each source's own root README/LICENSE documents that source; they never override one another. */
const ROOT_DOCS = /^(README|LICENSE|CHANGELOG)(\.[a-z]+)?$/i;

/** Whether a path is one of a source's own root documents, which take no part in precedence. */
export function isSourceRootDoc(relPath: string): boolean {
  return ROOT_DOCS.test(relPath);
}

/** Fills `overrides` and `overriddenBy` given the precedence order of sources (lowest first). */
export function applyPrecedence<T extends Omit<LibraryEntry, 'overrides' | 'overriddenBy'>>(
  entries: ReadonlyArray<T>,
  order: ReadonlyArray<string>,
): Array<T & Pick<LibraryEntry, 'overrides' | 'overriddenBy'>> {
  const rank = new Map(order.map((n, i) => [n, i]));
  const byPath = new Map<string, T[]>();
  for (const e of entries) {
    const list = byPath.get(e.path);
    if (list) list.push(e);
    else byPath.set(e.path, [e]);
  }
  const out: Array<T & Pick<LibraryEntry, 'overrides' | 'overriddenBy'>> = [];
  for (const [p, list] of byPath) {
    if (ROOT_DOCS.test(p)) {
      for (const e of list) out.push({ ...e, overrides: [] });
      continue;
    }
    list.sort((a, b) => (rank.get(a.source) ?? 0) - (rank.get(b.source) ?? 0));
    const winner = list[list.length - 1]!;
    list.forEach((e, i) => {
      const overrides = list.slice(0, i).map((x) => x.source);
      out.push({ ...e, overrides, ...(e !== winner ? { overriddenBy: winner.source } : {}) });
    });
  }
  return out.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : (rank.get(a.source) ?? 0) - (rank.get(b.source) ?? 0),
  );
}
