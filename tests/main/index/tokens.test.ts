import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentBuilder } from '../../../src/main/index/segment-builder';
import { forEachTerm, terms } from '../../../src/main/index/tokenize';
import { queryWords } from '../../../src/main/index/query-words';
import { doc, engines, filler, ranked } from './search-helpers';

describe('tokens: names with punctuation are terms of their own', () => {
  it('keeps c#, f#, c++, dotted names and their parts', () => {
    expect(terms('C# and F# on .NET 8, ASP.NET Core')).toEqual([
      'c#',
      'and',
      'f#',
      'on',
      'net',
      '.net',
      'asp',
      'asp.net',
      'core',
    ]);
    expect(terms('C++ and C++20; count++ i++')).toEqual(['c++', 'and', '20', 'count', 'i++']);
    expect(terms('Node.js, vue.js and next.js.')).toEqual([
      'node',
      'js',
      'node.js',
      'vue',
      'vue.js',
      'and',
      'next',
      'next.js',
    ]);
    expect(terms('k8s i18n gpt-4o')).toEqual(['k8s', 'i18n', 'gpt', '4o']);
    // A dot that ends a sentence, a `#` or `+` after a longer word, and a `#` before a letter join nothing.
    expect(terms('Done. issue#12 a#b x+ y')).toEqual(['done', 'issue', '12']);
    expect(queryWords('.net')).toEqual(['net', '.net']);
  });

  const docs = [
    doc('Conventions', `Enable nullable types in every C# project. ${filler(10)}`),
    doc('Modern', `Use RAII in C++ code. ${filler(10, 2)}`),
    doc('Web', `Minimal APIs on .NET 8 with ASP.NET Core. ${filler(10, 3)}`),
    doc('Services', `Use Node.js 20 LTS. ${filler(10, 4)}`),
    doc('Letters', `c is a letter, and so is C; the network is down, net income. ${filler(10, 5)}`),
    doc('Functional', `Format F# code with Fantomas. ${filler(10, 6)}`),
    doc('Cluster', `Deploy to k8s with kubectl; i18n strings; prompts for gpt-4o. ${filler(10, 7)}`),
    doc('Vue', `Vue.js components. ${filler(10, 8)}`),
  ];

  it.each([
    ['c#', [0]],
    ['C#', [0]],
    ['c++', [1]],
    ['.net', [2]],
    ['.NET', [2]],
    ['asp.net', [2]],
    ['node.js', [3]],
    ['Node.JS', [3]],
    ['f#', [5]],
    ['k8s', [6]],
    ['i18n', [6]],
    ['gpt-4o', [6]],
    ['vue.js', [7]],
  ])('query %s finds exactly its documents', (q, want) => {
    for (const [name, e] of engines(docs)) expect(ranked(e, q), `${name}: ${q}`).toEqual(want);
  });

  it('finds node.js by `node` (a part) and by `nodejs` (one edit away), first', () => {
    for (const [name, e] of engines(docs)) {
      // (`node` is also one edit from `code`: those come after.)
      expect(ranked(e, 'node')[0], name).toBe(3);
      expect(ranked(e, 'nodejs'), name).toEqual([3]);
    }
  });
});

describe('tokens: CJK text is segmented into words', () => {
  it('splits runs of CJK characters with Intl.Segmenter and CJK punctuation separates words', () => {
    expect(terms('日本語のテキストです')).toEqual(['日本語', 'テキスト', 'です']);
    expect(terms('使用Docker。运行「React」、Helm（Kubernetes）')).toEqual([
      '使用',
      'docker',
      '运行',
      'react',
      'helm',
      'kubernetes',
    ]);
    // Characters ICU's dictionary does not know come one by one; a run of them stays one term.
    expect(terms('密钥不能写在代码里')).toContain('密钥');
  });

  it('finds a Japanese word inside a sentence, and a Latin word next to CJK punctuation', () => {
    const cjk = [
      doc('レビュー', `日本語のテキストです。${filler(5)}`),
      doc('运维', `部署使用Docker。日志发送到Loki，然后检查。${filler(5, 2)}`),
      doc('安全', `密钥不能写在代码里。${filler(5, 3)}`),
      doc('Plain', `docker compose and loki. ${filler(5, 4)}`),
    ];
    for (const [name, e] of engines(cjk)) {
      expect(ranked(e, '日本語'), name).toEqual([0]);
      expect(ranked(e, 'テキスト'), name).toEqual([0]);
      expect(ranked(e, '密钥'), name).toEqual([2]);
      expect(ranked(e, 'loki').sort(), name).toEqual([1, 3]);
      expect(ranked(e, 'docker').sort(), name).toEqual([1, 3]);
    }
  });
});

describe('tokens: the byte scan of the bulk builder splits exactly like the string scan', () => {
  const PIECES = [
    'C#',
    'c++',
    '.NET',
    'ASP.NET',
    'node.js',
    'a',
    'ab',
    'Word',
    'x.y',
    '.',
    '#',
    '+',
    '++',
    '..',
    '日本語',
    'のテキスト',
    '文档',
    '。',
    '「',
    '」',
    '，',
    ' ',
    '\n',
    '\t',
    '—',
    '\u00a0',
    'é',
    'café',
    '…',
    'ｆｕｌｌ',
    '/',
    '(',
    '1',
    '2.5',
    '😀',
    'i18n',
  ];
  it('for any text of names, punctuation, CJK and whitespace', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const bytes = Buffer.from(text);
        const b = new SegmentBuilder();
        b.begin(0);
        b.body(bytes, 0, bytes.byteLength);
        const len = b.end();
        const expected: string[] = [];
        forEachTerm(text, (t) => expected.push(t));
        expect(len).toBe(expected.length);
        expect(b.finish().terms).toEqual([...new Set(expected)].sort());
      }),
      { numRuns: 400 },
    );
  });
});
