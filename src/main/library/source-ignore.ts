import { AppError } from '../../shared/errors';
import { ignorePattern, MAX_IGNORE_PATTERNS } from '../../shared/settings';
import type { SourceIgnoreResult } from '../../shared/sources';
import type { OperationContext } from '../context';
import type { SourcesContext } from './sources-context';

/**
 * Adds a pattern to a source's ignore list (settings `sources[].ignore`), or removes it. The library index sees
 * the new list with its next request and reindexes that source (its roots carry the list).
 */
export function setSourceIgnore(
  sc: SourcesContext,
  name: string,
  rawPattern: string,
  remove: boolean,
  ctx: OperationContext,
): Promise<SourceIgnoreResult> {
  const checked = ignorePattern.safeParse(rawPattern);
  if (!checked.success)
    throw new AppError(
      'INVALID_REQUEST',
      `The ignore pattern "${rawPattern}" ${checked.error.issues[0]?.message ?? 'is not valid'}.`,
      'Write a pattern relative to the source folder, such as docs/** or *.draft.md.',
    );
  const pattern = checked.data;
  const s = sc.find(name);
  const before = s.ignore ?? [];
  if (!remove && !before.includes(pattern) && before.length >= MAX_IGNORE_PATTERNS)
    throw new AppError(
      'LIMIT_EXCEEDED',
      `The source "${name}" already has ${MAX_IGNORE_PATTERNS} ignore patterns.`,
      'Remove patterns you no longer need (`ai-config library ignore NAME PATTERN --remove`), or combine them.',
    );
  return sc.mutate(
    remove ? 'library.unignore' : 'library.ignore',
    name,
    ctx,
    async () => {
      const after = remove
        ? before.filter((p) => p !== pattern)
        : before.includes(pattern)
          ? before
          : [...before, pattern];
      const changed = after.length !== before.length;
      if (changed)
        await sc.saveSources((all) =>
          all.map((x) => {
            if (x.name !== name) return x;
            const { ignore: _old, ...rest } = x;
            return after.length ? { ...rest, ignore: after } : rest;
          }),
        );
      return { source: name, ignore: after, changed };
    },
    (v) => ({ pattern, ignore: v.ignore }),
    (v) => !v.changed,
  );
}
