import type { ImportFileReport, ImportItem } from '../../../shared/agents';
import type { ConvertResult } from './convert';

/** Why a file that was looked at made nothing, when nobody said otherwise. */
const NOT_KNOWN = 'not a tool configuration AI Configurator knows';

/**
 * One report per input file, in walk order (`froms`): imported (as what, which library paths), merged (into what),
 * or skipped (why). Each file appears once, whatever the converter said about it.
 */
export function fileReports(
  froms: ReadonlyArray<string>,
  items: ReadonlyArray<ImportItem>,
  conv: Pick<ConvertResult, 'recognised' | 'merged'>,
  skipped: ReadonlyArray<{ readonly from: string; readonly reason: string }>,
): ImportFileReport[] {
  const group = <T extends { readonly from: string }>(xs: ReadonlyArray<T>): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.from, [...(m.get(x.from) ?? []), x]);
    return m;
  };
  const madeBy = group(items);
  const mergedBy = group(conv.merged);
  const asBy = new Map(conv.recognised.map((r) => [r.from, r.as] as const).reverse());
  const whyBy = new Map(skipped.map((s) => [s.from, s.reason] as const).reverse());
  return [...new Set(froms)].map((from): ImportFileReport => {
    const as = asBy.get(from);
    const withAs = as ? { as } : {};
    const made = madeBy.get(from) ?? [];
    if (made.length) return { from, outcome: 'imported', ...withAs, paths: made.map((i) => i.path) };
    const merged = mergedBy.get(from) ?? [];
    if (merged.length)
      return {
        from,
        outcome: 'merged',
        ...withAs,
        paths: [...new Set(merged.map((m) => m.into))],
        reason: merged.map((m) => m.reason).join('; '),
      };
    const why = whyBy.get(from);
    const reason = why ?? (as ? `read as ${as}, but it holds nothing to import` : NOT_KNOWN);
    return { from, outcome: 'skipped', ...withAs, paths: [], reason };
  });
}
