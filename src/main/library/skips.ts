import { SKIP_REASONS, type SkipReason, type SourceSkips } from '../../shared/library';

/** How many skipped paths per reason the summary names. */
const EXAMPLES = 5;

/** One source's skipped files as counts per reason (in SKIP_REASONS order), each with a few example paths. */
export function summarizeSkips(source: string, skipped: Iterable<readonly [string, SkipReason]>): SourceSkips {
  const byReason = new Map<SkipReason, { count: number; examples: string[] }>();
  let total = 0;
  for (const [rel, reason] of skipped) {
    total++;
    let r = byReason.get(reason);
    if (!r) byReason.set(reason, (r = { count: 0, examples: [] }));
    r.count++;
    r.examples.push(rel);
  }
  const reasons = SKIP_REASONS.filter((r) => byReason.has(r)).map((reason) => {
    const r = byReason.get(reason)!;
    return { reason, count: r.count, examples: r.examples.sort().slice(0, EXAMPLES) };
  });
  return { source, total, reasons };
}
