import { describe, expect, it } from 'vitest';
import { FIELD } from '../../../src/main/index/postings';
import { SearchEngine, type DocText } from '../../../src/main/index/search-engine';
import { SegmentBuilder } from '../../../src/main/index/segment-builder';
import { forEachTerm } from '../../../src/main/index/tokenize';

const WORDS = [
  'Review',
  'deploy',
  'DATABASE',
  'Ünïcode',
  'naïve',
  'straße',
  'İstanbul',
  'x',
  'a1b2',
  'résumé',
  '日本語',
  'emoji😀word',
  'q',
  'wörter',
  'Ωmega',
  'ab',
  'x'.repeat(40),
  'y'.repeat(41),
];
const SEPS = [' ', '\n', ', ', '—', '–', '’', '“', '”', '\u00a0', '/', '-', '**', '`', '\t', '. '];

function text(seed: number, n: number): string {
  let s = '';
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 1000;
  for (let i = 0; i < n; i++) s += WORDS[next() % WORDS.length]! + SEPS[next() % SEPS.length]!;
  return s;
}

function docs(count: number): DocText[] {
  return Array.from({ length: count }, (_, i) => ({
    title: text(i + 1, 3),
    tags: [WORDS[i % WORDS.length]!, 'tag'],
    path: `dir/${WORDS[(i * 7) % WORDS.length]}-${i}.md`,
    description: text(i + 99, 4),
    body: text(i * 31 + 5, 50 + (i % 40)),
  }));
}

describe('bulk segment builder', () => {
  it('splits UTF-8 bytes into the same words as the string tokenizer, non-ASCII and separators included', () => {
    const body = text(7, 400);
    const b = new SegmentBuilder();
    b.begin(0);
    b.body(Buffer.from(body), 0, Buffer.byteLength(body));
    const len = b.end();
    const expected: string[] = [];
    forEachTerm(body, (t) => expected.push(t));
    const seg = b.finish();
    expect(len).toBe(expected.length);
    expect(seg.terms).toEqual([...new Set(expected)].sort());
  });

  it('gives an engine that answers exactly like one built document by document', () => {
    const all = docs(120);
    const one = new SearchEngine();
    for (const d of all) one.add(one.newDocId(), d);
    one.compact();
    const bulk = new SearchEngine();
    // Tiny blocks, so postings cross many block boundaries.
    const b = new SegmentBuilder(5);
    // Half in bulk into an empty engine, a few one by one, the rest in bulk merged into what is there.
    const addBulk = (part: DocText[]) => {
      for (const d of part) {
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
    };
    addBulk(all.slice(0, 60));
    for (const d of all.slice(60, 70)) bulk.add(bulk.newDocId(), d);
    addBulk(all.slice(70));
    for (const q of [
      'review',
      'deploy data',
      'unicode',
      'ünï',
      'strasse',
      'straße',
      'istanbul',
      'résumé',
      'reviw',
      'tag',
      'dir',
      'emoji',
      'a1b2',
      'wörter ωmega',
      'xx',
    ]) {
      expect(bulk.search(q, { limit: 200 }), q).toEqual(one.search(q, { limit: 200 }));
    }
    expect(bulk.termCount).toBe(one.termCount);
    const sections = Object.fromEntries(
      Object.entries(bulk.serialize()).map(([k, v]) => [
        k,
        Buffer.concat(v instanceof Uint8Array ? [v] : [...v.chunks()].map((c) => Buffer.from(c))),
      ]),
    );
    const round = SearchEngine.deserialize(sections);
    expect(round.search('review deploy', { limit: 50 })).toEqual(one.search('review deploy', { limit: 50 }));
  });
});
