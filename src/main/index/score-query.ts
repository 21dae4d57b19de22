import { docOf, metaOf } from './postings';
import { MATCH, type Expansion } from './expansion';
import type { QueryScratch } from './query-scratch';
import { MAX_QUERY_TERMS } from './query-words';
import { topK } from './top-k';
import { FIELD_BOOST, B, K1 } from './scoring';

/** A ranked document: its id, its score, and the index terms that matched each query word. */
export interface EngineHit {
  readonly doc: number;
  readonly score: number;
  readonly terms: ReadonlyArray<string>;
}

/** What a query is scored against: the documents' liveness and lengths, and each word's expansions. */
export interface ScoreInput {
  readonly words: ReadonlyArray<string>;
  readonly live: number;
  readonly totalLen: number;
  readonly alive: Uint8Array;
  readonly lens: Uint32Array;
  readonly expand: (word: string) => Expansion[];
}

/** A query word matched exactly counts this much towards a document's tier; one matched by prefix counts 1. */
const EXACT_TIER = 16;

/**
 * BM25 with field boosts over the expansions of every query word; the documents matching every word, or when
 * none does, those matching most of them, scored down by how many they miss. `scratch` is left cleared.
 *
 * Ranked by tier first: how many query words a document matched exactly, then how many by prefix (the rest
 * by typo), so an exact match anywhere (even in the body) outranks a prefix or typo match in a title, whatever
 * the lengths. Within a tier, the score (BM25 plus field boosts) orders. When no document matches every word,
 * the number of words matched comes before the tier.
 */
export function scoreQuery(
  input: ScoreInput,
  scratch: QueryScratch,
  opts: { accept?: (doc: number) => boolean; limit?: number },
): { total: number; hits: EngineHit[] } {
  const { words, live, totalLen, alive, lens, expand } = input;
  const total = scratch.total;
  const matched = scratch.matched;
  const best = scratch.best;
  const bestTerm = scratch.bestTerm;
  const match = scratch.match;
  const tier = scratch.tier;
  const termNames: string[] = [];
  // Documents touched by this word / by any word: typed scratch, so a query allocates next to nothing.
  const touched = scratch.touched;
  const touchedAll = scratch.touchedAll;
  let nAll = 0;
  const avgLen = totalLen / Math.max(1, live);
  const normBase = K1 * (1 - B);
  const normScale = (K1 * B) / avgLen;
  try {
    for (let wi = 0; wi < words.length; wi++) {
      let nTouched = 0;
      for (const ex of expand(words[wi]!)) {
        const df = ex.df;
        const idf = Math.max(0.01, Math.log(1 + Math.max(0, live - df + 0.5) / (df + 0.5)));
        const nameIdx = termNames.push(ex.term.replace('\u0000d', '')) - 1;
        const list = ex.list;
        const bytes = ex.bytes;
        const cls = ex.match + 1;
        let last = 0;
        for (let k = ex.from; k < ex.to;) {
          let doc: number;
          let meta: number;
          if (bytes) {
            // Decode one posting: the varint gap to the previous document, then the fields-and-frequency byte.
            // Document ids are below 2^24, so the gap fits the 32-bit shifts.
            let x = bytes[k++]!;
            let gap = x & 127;
            for (let shift = 7; x & 128; shift += 7) {
              x = bytes[k++]!;
              gap |= (x & 127) << shift;
            }
            doc = last += gap;
            meta = bytes[k++]!;
          } else {
            const p = list![k++]!;
            doc = docOf(p);
            meta = metaOf(p);
          }
          if (!alive[doc]) continue;
          const tf = meta >>> 4;
          const bm = tf ? (tf * (K1 + 1)) / (tf + normBase + normScale * lens[doc]!) : 0;
          const s = ex.weight * idf * (bm + FIELD_BOOST[meta & 15]!);
          // A word scores by its best class of match only: an exact `build` in the title, not a rarer `builds`.
          const had = match[doc]!;
          if (had === 0) touched[nTouched++] = doc;
          else if (cls < had) continue;
          if (cls > had) {
            match[doc] = cls;
            best[doc] = s;
            bestTerm[doc * MAX_QUERY_TERMS + wi] = nameIdx;
          } else if (s > best[doc]!) {
            best[doc] = s;
            bestTerm[doc * MAX_QUERY_TERMS + wi] = nameIdx;
          }
        }
      }
      for (let x = 0; x < nTouched; x++) {
        const doc = touched[x]!;
        if (matched[doc] === 0) touchedAll[nAll++] = doc;
        total[doc]! += best[doc]!;
        matched[doc]!++;
        const m = match[doc]! - 1;
        tier[doc]! += m === MATCH.exact ? EXACT_TIER : m === MATCH.prefix ? 1 : 0;
        best[doc] = 0;
        match[doc] = 0;
      }
    }
    const accept = opts.accept;
    const hits = scratch.hits;
    let nHits = 0;
    for (let x = 0; x < nAll; x++) {
      const d = touchedAll[x]!;
      if (matched[d] === words.length && (!accept || accept(d))) hits[nHits++] = d;
    }
    let scale = (_d: number) => 1;
    let rank = (d: number) => tier[d]!;
    if (nHits === 0 && words.length > 1) {
      for (let x = 0; x < nAll; x++) if (!accept || accept(touchedAll[x]!)) hits[nHits++] = touchedAll[x]!;
      scale = (d) => (matched[d]! / words.length) ** 2;
      rank = (d) => matched[d]! * EXACT_TIER * (MAX_QUERY_TERMS + 1) + tier[d]!;
    }
    const top = topK(hits, nHits, (d) => total[d]! * scale(d), opts.limit ?? nHits, rank);
    const termsOf = (doc: number) => {
      const out: string[] = [];
      for (let wi = 0; wi < words.length; wi++) {
        const t = termNames[bestTerm[doc * MAX_QUERY_TERMS + wi]!];
        if (t !== undefined) out.push(t);
      }
      return out;
    };
    return { total: nHits, hits: top.map((doc) => ({ doc, score: total[doc]! * scale(doc), terms: termsOf(doc) })) };
  } finally {
    for (let x = 0; x < nAll; x++) {
      const doc = touchedAll[x]!;
      total[doc] = 0;
      matched[doc] = 0;
      tier[doc] = 0;
      bestTerm.fill(-1, doc * MAX_QUERY_TERMS, doc * MAX_QUERY_TERMS + MAX_QUERY_TERMS);
    }
  }
}
