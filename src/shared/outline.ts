import { ENTRY_KINDS, type EntryKind, type LibraryEntry, type SourceSkips } from './library';

/** What the Library tree shows of a file (the rest loads when the file is opened). */
export type TreeEntry = Pick<LibraryEntry, 'source' | 'path' | 'kind' | 'title' | 'overrides' | 'overriddenBy'>;

/**
 * One file of an outline: source index, file name, kind index, title, overriddenBy (-1: none), then the sources it
 * overrides.
 */
export type OutlineFile = readonly [number, string, number, string, number, ...number[]];

/**
 * The library tree in a compact form for `library:outline`: source names once, files grouped by their
 * folder (no repeated folder prefixes), kinds by number. About a third of the size of the entries.
 */
export interface Outline {
  readonly sources: ReadonlyArray<string>;
  /** [folder path ('' for the top), its files]; a folder may appear in more than one group. */
  readonly dirs: ReadonlyArray<readonly [string, ReadonlyArray<OutlineFile>]>;
  /** What each source's walk skipped and why (the tree's "N skipped"); set by `library:outline` and its deltas. */
  readonly skipped?: ReadonlyArray<SourceSkips>;
}

const KINDS: ReadonlyArray<EntryKind> = ENTRY_KINDS;
/** Shared by every entry that overrides nothing (most of them), so 100,000 entries do not hold 100,000 empty arrays. */
const NONE: ReadonlyArray<string> = Object.freeze([]);

/**
 * Packs entries (in any order; path order packs best) into an outline; `sourceNames` lists sources even when they
 * hold no file.
 */
export function encodeOutline(entries: ReadonlyArray<TreeEntry>, sourceNames: ReadonlyArray<string> = []): Outline {
  const sources: string[] = [...sourceNames];
  const sourceIndex = new Map<string, number>(sources.map((s, i) => [s, i]));
  const src = (name: string) => {
    let i = sourceIndex.get(name);
    if (i === undefined) {
      i = sources.length;
      sources.push(name);
      sourceIndex.set(name, i);
    }
    return i;
  };
  const dirs: Array<[string, OutlineFile[]]> = [];
  let current: [string, OutlineFile[]] | undefined;
  for (const e of entries) {
    const slash = e.path.lastIndexOf('/');
    const dir = slash < 0 ? '' : e.path.slice(0, slash);
    if (current?.[0] !== dir) dirs.push((current = [dir, []]));
    current[1].push([
      src(e.source),
      e.path.slice(slash + 1),
      Math.max(0, KINDS.indexOf(e.kind)),
      e.title,
      e.overriddenBy === undefined ? -1 : src(e.overriddenBy),
      ...e.overrides.map(src),
    ]);
  }
  return { sources, dirs };
}

/** Unpacks an outline into tree entries. */
export function decodeOutline(outline: Outline): TreeEntry[] {
  const out: TreeEntry[] = [];
  const { sources } = outline;
  for (const [dir, files] of outline.dirs) {
    const prefix = dir ? `${dir}/` : '';
    for (const f of files) {
      const e: TreeEntry = {
        source: sources[f[0]] ?? '',
        path: prefix + f[1],
        kind: KINDS[f[2]] ?? 'knowledge',
        title: f[3],
        overrides: f.length > 5 ? f.slice(5).map((i) => sources[i as number] ?? '') : NONE,
      };
      out.push(f[4] >= 0 ? { ...e, overriddenBy: sources[f[4]] ?? '' } : e);
    }
  }
  return out;
}
