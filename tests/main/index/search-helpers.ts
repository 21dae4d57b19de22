import { FIELD } from '../../../src/main/index/postings';
import { SearchEngine, type DocText } from '../../../src/main/index/search-engine';
import { SegmentBuilder } from '../../../src/main/index/segment-builder';

/** A document with only a title and a body (no tags, path or description). */
export function doc(title: string, body: string, extra: Partial<DocText> = {}): DocText {
  return { title, body, tags: [], path: '', description: '', ...extra };
}

/**
 * The same documents in the three ways the engine holds them: the in-memory delta (one by one), the compacted
 * segment, and a segment built in bulk from UTF-8 bytes (the tokenizer's byte scan).
 */
export function engines(docs: ReadonlyArray<DocText>): Array<[string, SearchEngine]> {
  const delta = new SearchEngine();
  for (const d of docs) delta.add(delta.newDocId(), d);
  const compacted = new SearchEngine();
  for (const d of docs) compacted.add(compacted.newDocId(), d);
  compacted.compact();
  const bulk = new SearchEngine();
  const b = new SegmentBuilder();
  for (const d of docs) {
    b.begin(bulk.newDocId());
    const bytes = Buffer.from(d.body);
    b.body(bytes, 0, bytes.byteLength);
    b.field(d.title, FIELD.title);
    for (const t of d.tags) b.field(t, FIELD.tags);
    b.field(d.path, FIELD.path);
    b.field(d.description, FIELD.description);
    b.end();
  }
  bulk.addSegment(b.finish());
  return [
    ['delta', delta],
    ['segment', compacted],
    ['bulk', bulk],
  ];
}

/** The ids of the documents a query finds, best first. */
export function ranked(e: SearchEngine, query: string): number[] {
  return e.search(query, { limit: 1000 }).hits.map((h) => h.doc);
}

/** Filler text of common words, so documents differ in length and idf is meaningful. */
export function filler(n: number, seed = 1): string {
  const words = ['service', 'request', 'handler', 'module', 'value', 'change', 'output', 'team', 'review', 'config'];
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(words[(x >>> 8) % words.length]!);
  }
  return out.join(' ');
}
