import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance, charMask, popcount } from '../../../src/main/index/fuzzy';
import { doc, engines, filler, ranked } from './search-helpers';

/** Optimal string alignment distance, the plain full table. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i ? (j ? 0 : i) : j)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('typo distance: optimal string alignment', () => {
  it.each([
    ['bulid', 'build', 1],
    ['pyhton', 'python', 1],
    ['tesitng', 'testing', 1],
    ['ab', 'ba', 1],
    ['dokcer', 'docker', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
    ['abcd', 'badc', 2],
  ])('%s -> %s is %i', (a, b, want) => {
    expect(boundedDistance(a, b, 3)).toBe(want);
    expect(boundedDistance(b, a, 3)).toBe(want);
    expect(boundedDistance(a, b, want - 1)).toBe(want);
  });

  it('equals the full table up to the bound, and max + 1 beyond it (the early exit is safe)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(boundedDistance(a, b, max)).toBe(Math.min(osa(a, b), max + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('a swap keeps the character set, so the mask prefilter lets it through', () => {
    expect(popcount(charMask('bulid') ^ charMask('build'))).toBe(0);
  });

  it('finds documents by a swapped pair of letters', () => {
    const docs = [
      doc('Build', `How the build works. ${filler(10)}`),
      doc('Pytest', `Run pytest with coverage. ${filler(10, 2)}`),
      doc('Other', filler(20, 3)),
    ];
    for (const [name, e] of engines(docs)) {
      expect(ranked(e, 'bulid'), name).toEqual([0]);
      expect(ranked(e, 'pyetst'), name).toEqual([1]);
    }
  });
});
