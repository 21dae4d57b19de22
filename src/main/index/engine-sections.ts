import type { Section } from './cache-file';
import type { Segment } from './segment';
import { mergedPostings, mergePlan } from './segment-merge';

/**
 * The search engine as binary sections for the cache file: the segment as it is (`d` undefined: nothing added or
 * removed since it was made), else the segment and the delta `d` merged while the postings are written, in chunks.
 */
export function engineSections(
  seg: Segment,
  d: Segment | undefined,
  alive: Uint8Array,
  lens: Uint32Array,
  nextDoc: number,
): Record<string, Section> {
  const bytes = (a: Uint32Array | Uint8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const head = {
    'search.alive': bytes(alive.slice(0, nextDoc)),
    'search.lens': bytes(lens.slice(0, nextDoc)),
  };
  // Nothing added or removed since the segment was made: it is written as it is, no re-encoding.
  if (!d) {
    return {
      'search.terms': Buffer.from(seg.terms.join('\n'), 'utf8'),
      'search.offsets': bytes(seg.offsets),
      'search.df': bytes(seg.df),
      'search.postings': seg.postings,
      ...head,
    };
  }
  const plan = mergePlan(seg, d, alive);
  return {
    'search.terms': Buffer.from(plan.terms.join('\n'), 'utf8'),
    'search.offsets': bytes(plan.offsets),
    'search.df': bytes(plan.df),
    'search.postings': {
      length: plan.offsets[plan.terms.length]!,
      chunks: () => mergedPostings(seg, d, plan, alive),
    },
    ...head,
  };
}

/** The segment, liveness and lengths of `engineSections()` output; throws on inconsistent sections. */
export function readEngineSections(s: Readonly<Record<string, Buffer | undefined>>): {
  seg: Segment;
  alive: Uint8Array<ArrayBuffer>;
  lens: Uint32Array<ArrayBuffer>;
} {
  const u32 = (b: Buffer | undefined): Uint32Array<ArrayBuffer> => {
    if (!b || b.byteLength % 4) throw new Error('bad section');
    // Aligned (the cache file lays sections out so): a view, no copy.
    if (b.byteOffset % 4 === 0 && b.buffer instanceof ArrayBuffer)
      return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
    const copy = new Uint32Array(b.byteLength / 4);
    Buffer.from(copy.buffer).set(b);
    return copy;
  };
  const termsText = s['search.terms']?.toString('utf8') ?? '';
  const terms = termsText ? termsText.split('\n') : [];
  const offsets = u32(s['search.offsets']);
  const df = u32(s['search.df']);
  const pb = s['search.postings'];
  if (!pb) throw new Error('bad section');
  const postings = new Uint8Array(pb.buffer, pb.byteOffset, pb.byteLength);
  const lens = u32(s['search.lens']);
  const alive = Uint8Array.from(s['search.alive'] ?? []);
  if (
    offsets.length !== terms.length + 1 ||
    df.length !== terms.length ||
    offsets[terms.length] !== postings.length ||
    alive.length !== lens.length
  )
    throw new Error('inconsistent search sections');
  return { seg: { terms, offsets, df, postings }, alive, lens };
}
