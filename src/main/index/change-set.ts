/** Paths added, changed or removed, per source. */
export type ChangeSet = Map<string, string[]>;

/** The key of a file in the index: its source and its path. */
export const key = (source: string, rel: string) => `${source}\u0000${rel}`;

/** Records `rel` of `source` as changed. */
export function note(changes: ChangeSet, source: string, rel: string): void {
  const list = changes.get(source);
  if (list) list.push(rel);
  else changes.set(source, [rel]);
}
