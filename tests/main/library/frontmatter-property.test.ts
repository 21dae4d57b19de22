import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { markdownHeader } from '../../../src/main/index/fast-frontmatter';
import {
  frontmatterFields,
  parseFrontmatter,
  replaceFrontmatterFields,
  stringField,
  tagsField,
} from '../../../src/main/library/frontmatter';

/** A generated field: its lines after `key:` (the first one on the key line), what it must read as, and whether
 * strict YAML accepts it. */
interface Shape {
  readonly first: string;
  readonly more: readonly string[];
  readonly expected: unknown;
  readonly strict: boolean;
}

const words = ['Review code', 'deploy', 'Use the linter', 'src/index.ts', 'v1.2 notes'];
const shapes: fc.Arbitrary<Shape> = fc.oneof(
  fc.constantFrom(...words).map((w) => ({ first: ` ${w}`, more: [], expected: w, strict: true })),
  fc
    .constantFrom('Café crème', 'レビュー担当', 'naïve façade', 'Ünïcödé – dash')
    .map((w) => ({ first: ` ${w}`, more: [], expected: w, strict: true })),
  fc.boolean().map((b) => ({ first: ` ${b}`, more: [], expected: b, strict: true })),
  fc
    .subarray(['a', 'b', 'c-d', 'e2'], { minLength: 1 })
    .map((xs) => ({ first: ` [${xs.join(', ')}]`, more: [], expected: xs, strict: true })),
  fc
    .subarray(['a', 'b', 'c-d'], { minLength: 1 })
    .map((xs) => ({ first: '', more: xs.map((x) => `  - ${x}`), expected: xs, strict: true })),
  // Tabs as indentation.
  fc
    .subarray(['a', 'b', 'c-d'], { minLength: 1 })
    .map((xs) => ({ first: '', more: xs.map((x) => `\t- ${x}`), expected: xs, strict: false })),
  // Unquoted globs starting with `*` (YAML reads an alias).
  fc
    .constantFrom('*.ts', '*.ts,src/**/*.tsx', '**/*.md', '*', '*.{ts,tsx}')
    .map((g) => ({ first: ` ${g}`, more: [], expected: g, strict: false })),
  fc.constantFrom('*.ts', '**/*.md').map((g) => ({ first: '', more: [`  - ${g}`], expected: [g], strict: false })),
  // Unquoted colons, a flow sequence followed by text, a quote inside single quotes.
  fc
    .constantFrom('Use when: deploying', 'Note: a: b', '[file] | [dir]', '[x] y')
    .map((v) => ({ first: ` ${v}`, more: [], expected: v, strict: false })),
  fc.constant({ first: " 'It's a rule'", more: [], expected: "It's a rule", strict: false }),
  fc.constant({ first: ' "Quoted: fine"', more: [], expected: 'Quoted: fine', strict: true }),
  fc.constant({ first: ' >', more: ['  folded', '  text'], expected: 'folded text\n', strict: true }),
  // Nested blocks, strict or with a glob inside.
  fc.constant({
    first: '',
    more: ['  cursor: true', '  mode: x'],
    expected: { cursor: true, mode: 'x' },
    strict: true,
  }),
  fc.constant({ first: '', more: ['  globs: *.ts', '  on: y'], expected: { globs: '*.ts', on: 'y' }, strict: false }),
);

const keys = fc.constantFrom('title', 'description', 'tags', 'globs', 'name', 'x-note', '名前', 'clé');

const docs = fc.record({
  fields: fc.array(fc.tuple(keys, shapes), { minLength: 1, maxLength: 6 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  openPad: fc.constantFrom('', ' ', '\t  '),
  closePad: fc.constantFrom('', '  ', '\t'),
  comment: fc.boolean(),
  body: fc.string({ maxLength: 40 }),
});

describe('parseFrontmatter property: real-world quirks', () => {
  it('never throws, keeps the body, reads every key, and equals yaml.parse with no repairs on strict YAML', () => {
    fc.assert(
      fc.property(docs, (d) => {
        const eol = d.crlf ? '\r\n' : '\n';
        const lines: string[] = d.comment ? ['# generated'] : [];
        const expected = new Map<string, unknown>();
        for (const [key, s] of d.fields) {
          lines.push(`${key}:${s.first}`, ...s.more);
          expected.set(key, s.expected);
        }
        const source = lines.join(eol);
        const text = `${d.bom ? '\ufeff' : ''}---${d.openPad}${eol}${source}${eol}---${d.closePad}${eol}${d.body}`;
        const p = parseFrontmatter(text);
        expect(p.body).toBe(d.body);
        expect(p.source).toBe(source);
        expect(p.error).toBeUndefined();
        for (const [key, value] of expected) expect(p.frontmatter[key], key).toEqual(value);
        expect(Object.keys(p.frontmatter).sort()).toEqual([...expected.keys()].sort());
        const unique = expected.size === d.fields.length;
        let strict: unknown;
        try {
          strict = parseYaml(source);
        } catch {
          strict = undefined;
        }
        if (unique && d.fields.every(([, s]) => s.strict))
          expect(strict, 'the generator calls it strict').toBeDefined();
        if (strict !== undefined) {
          expect(p.frontmatter).toEqual(strict);
          expect(p.repairs).toEqual([]);
        } else {
          expect(p.repairs.length).toBeGreaterThan(0);
          for (const r of p.repairs) {
            expect(r.line).toBeGreaterThanOrEqual(2);
            expect(r.line).toBeLessThanOrEqual(lines.length + 1);
          }
        }
        // The index reads the same header fields as the library.
        const h = markdownHeader(text, 'fallback');
        expect(h.description).toBe(stringField(p.frontmatter, 'description'));
        expect(h.tags).toEqual(tagsField(p.frontmatter));
        const title = stringField(p.frontmatter, 'title') || stringField(p.frontmatter, 'name');
        if (title) expect(h.title).toBe(title);
        expect(text.slice(h.bodyStart)).toBe(d.body);
        // Rewriting one key leaves every other field exactly as written, and the body as it was.
        expect(replaceFrontmatterFields(text, {})).toBe(text);
        const [key] = d.fields[0]!;
        const rewritten = replaceFrontmatterFields(text, { [key]: 'New: value *' });
        const after = parseFrontmatter(rewritten);
        expect(after.frontmatter[key]).toBe('New: value *');
        expect(after.body).toBe(d.body);
        const others = (t: string) =>
          frontmatterFields(t)
            .filter((f) => f.key !== key)
            .map((f) => [f.key, f.raw]);
        expect(others(rewritten)).toEqual(others(text));
      }),
      { numRuns: 300 },
    );
  });
});
