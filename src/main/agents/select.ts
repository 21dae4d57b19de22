import { globToRegExp, isGlob } from './glob';

/** One item a selector can pick: its name, the library paths it answers to, and its tags (read when asked). */
export interface Selectable {
  readonly name: string;
  readonly paths: ReadonlyArray<string>;
  readonly tags: () => ReadonlyArray<string>;
}

/**
 * The items an agent's selectors pick, each once, in entry order: `tag:NAME`, a glob over the items' paths, a path
 * (anything with a `/`), or a name. A selector that matches nothing is a warning naming it.
 */
export function selectItems<T extends Selectable>(
  label: string,
  entries: ReadonlyArray<string>,
  candidates: ReadonlyArray<T>,
  warnings: string[],
): T[] {
  const seen = new Set<T>();
  const out: T[] = [];
  for (const entry of entries) {
    const e = entry.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    let matched: T[];
    if (e.startsWith('tag:')) {
      const tag = e.slice(4).trim().toLowerCase();
      matched = candidates.filter((c) => c.tags().some((t) => t.toLowerCase() === tag));
    } else if (isGlob(e)) {
      const re = globToRegExp(e);
      matched = candidates.filter((c) => c.paths.some((p) => re.test(p)));
    } else if (e.includes('/')) {
      matched = candidates.filter((c) => c.paths.includes(e));
    } else {
      matched = candidates.filter((c) => c.name === e);
    }
    if (matched.length === 0) warnings.push(`The ${label} "${entry}" matches no library or personal ${label}.`);
    for (const c of matched) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push(c);
    }
  }
  return out;
}

/** A file's name without folder and extension (`hooks/format.yaml` -> `format`). */
export function baseName(relPath: string): string {
  const last = relPath.slice(relPath.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(0, dot) : last;
}
