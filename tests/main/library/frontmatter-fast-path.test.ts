import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter, simpleYaml, simpleYamlText } from '../../../src/main/library/frontmatter';

// Frontmatter the fast path reads itself: it must give exactly what the YAML parser gives.
const SIMPLE = [
  'title: Rule 0001\ntags: [bench]',
  'title: Prefer small functions\ndescription: Keep modules cohesive (see docs/style.md)\ntags: [style, typescript, a-b]',
  'name: helper\ntags: []',
  'title: Trailing spaces   \r\ntags: [ one ,two ]\r\n',
  'kind: knowledge\n\nsummary: v1.2 notes',
];
// Frontmatter it must leave to the YAML parser (types, quotes, nesting, comments, odd keys).
const NOT_SIMPLE = [
  'enabled: true',
  'title: yes',
  'title: No',
  'count: 3',
  'version: 1.0',
  'title: "quoted"',
  "title: 'quoted'",
  'title: a # comment',
  'title: a: b',
  'tags:\n  - a\n  - b',
  'settings:\n  cursor: { split: true }',
  'tags: [a, [b]]',
  'tags: [a, 1]',
  'tags: [a, true]',
  'tags: [a,]',
  'title:',
  'title: x\ntitle: y',
  '__proto__: polluted',
  'title: two  spaces',
  'title: >\n  folded',
  '- a list',
  'title: ~',
  'title: .inf',
];

describe('frontmatter fast paths', () => {
  it('reads the common shape exactly as the YAML parser does', () => {
    for (const src of SIMPLE) {
      expect(simpleYaml(src), src).toEqual(parseYaml(src));
      expect(parseFrontmatter(`---\n${src}\n---\n\nBody\n`).frontmatter, src).toEqual(parseYaml(src));
    }
  });

  it('hands anything else to the YAML parser, with the same result as before', () => {
    for (const src of NOT_SIMPLE) {
      expect(simpleYaml(src), src).toBeUndefined();
      const viaParser = parseFrontmatter(`---\n${src}\n---\n\nBody\n`);
      let expected: unknown;
      try {
        expected = parseYaml(src);
      } catch {
        // Strict YAML refuses it: the tolerant reader either repairs it (and says so) or reports an error.
        expect(viaParser.error !== undefined || viaParser.repairs.length > 0, src).toBe(true);
        continue;
      }
      if (expected !== null && typeof expected === 'object' && !Array.isArray(expected))
        expect(viaParser.frontmatter, src).toEqual(expected);
      else if (expected !== null) expect(viaParser.error, src).toBeDefined();
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('writes plain words and booleans byte for byte as yaml.stringify does, and declines the rest', () => {
    const simple: Array<Record<string, unknown>> = [
      { description: 'Rule 0001', alwaysApply: true },
      { description: 'Benchmark agent', globs: 'src/index.ts', alwaysApply: false },
      { trigger: 'always_on' },
    ];
    for (const r of simple) expect(simpleYamlText(r)).toBe(toYaml(r, { lineWidth: 0 }));
    const others: Array<Record<string, unknown>> = [
      {},
      { n: 1 },
      { d: 'yes' },
      { d: 'a: b' },
      { d: "it's" },
      { d: '**/*.ts' },
      { tags: ['a'] },
      { d: 'x # y' },
      { d: '' },
      { 'bad key': 'x' },
    ];
    for (const r of others) expect(simpleYamlText(r), JSON.stringify(r)).toBeUndefined();
  });
});
