import { describe, expect, it } from 'vitest';
import { doc, engines, filler, ranked } from './search-helpers';

/**
 * The match class decides first (exact > prefix > typo, counted over the query words), then the score: BM25
 * plus field boosts. So an exact match in a long body outranks a prefix or typo match in a short title, and
 * within a class a title match outranks a body match.
 */
describe('search ranking: exact before prefix before typo, field boosts within a class', () => {
  it('puts the only two exact matches first, above many prefix and typo matches in titles', () => {
    const docs = [
      ...Array.from({ length: 6 }, (_, i) => doc(`Dequantizings ${i}`, `dequantizings ${filler(5, i)}`)),
      ...Array.from({ length: 6 }, (_, i) => doc(`Dequantizng ${i}`, `dequantizng dequantizng ${filler(5, i + 9)}`)),
      doc('Weights', `${filler(300, 3)} dequantizing ${filler(200, 4)}`),
      doc('Kernels', `${filler(400, 5)} Dequantizing.`),
      ...Array.from({ length: 10 }, (_, i) => doc(`Other ${i}`, filler(50, i + 40))),
    ];
    for (const [name, e] of engines(docs)) {
      const r = ranked(e, 'dequantizing');
      expect(r.slice(0, 2).sort(), name).toEqual([12, 13]);
      expect(r, name).toHaveLength(14);
    }
  });

  it('ranks an exact body match above a prefix title match, and a prefix match above a typo match', () => {
    const docs = [
      doc('Builders and builds', `builders builder builds ${filler(10)}`),
      doc('Notes', `${filler(200, 2)} build ${filler(200, 3)}`),
      doc('Bulid', `bulid ${filler(10, 4)}`),
      doc('Unrelated', filler(30, 5)),
    ];
    for (const [name, e] of engines(docs)) expect(ranked(e, 'build'), name).toEqual([1, 0, 2]);
  });

  it('keeps field boosts within a class: title over description over body', () => {
    const docs = [
      doc('Notes', `docker ${filler(20)}`),
      doc('Docker', filler(20, 2)),
      doc('Notes', filler(20, 3), { description: 'Runs docker' }),
      doc('Notes', filler(20, 4)),
    ];
    for (const [name, e] of engines(docs)) expect(ranked(e, 'docker'), name).toEqual([1, 2, 0]);
  });

  it('counts exact words over all query words: two exact beats one exact and one typo', () => {
    const docs = [
      doc('Python testing', `python testing ${filler(5)}`),
      doc('Pyhton', `pyhton testing ${filler(300, 2)}`),
      doc('Python tests', `python tests ${filler(8, 3)}`),
    ];
    for (const [name, e] of engines(docs)) {
      // `python testing`: doc 0 has both exactly; doc 1 one exact and a typo; doc 2 one exact, `tests` is no match.
      expect(ranked(e, 'python testing'), name).toEqual([0, 1]);
      // `pyhton testing`: doc 1 matches both exactly, doc 0 one exactly and one by a typo.
      expect(ranked(e, 'pyhton testing'), name).toEqual([1, 0]);
    }
  });

  it('when no document has every word, more words matched still comes first', () => {
    const docs = [
      doc('Alpha', `alpha ${filler(5)}`),
      doc('Gamma beta', `beta gamma ${filler(50, 2)}`),
      doc('Alphas', `alphas beta ${filler(5, 3)}`),
    ];
    for (const [name, e] of engines(docs)) {
      const r = ranked(e, 'alpha beta gamma');
      expect(r.slice(0, 2), name).toEqual([1, 2]);
      expect(r, name).toContain(0);
    }
  });
});
