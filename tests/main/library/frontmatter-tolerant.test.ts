import { describe, expect, it } from 'vitest';
import { parseFrontmatter, type FrontmatterRepair } from '../../../src/main/library/frontmatter';

/** Where each repair is, and about which key: the messages are checked separately. */
const at = (repairs: ReadonlyArray<FrontmatterRepair>) => repairs.map((r) => [r.line, r.col, r.key ?? null]);

describe('parseFrontmatter: what the tools accept and strict YAML refuses', () => {
  it('reads an unquoted Cursor glob starting with * as its text, and reports where', () => {
    const p = parseFrontmatter(
      '---\ndescription: TS rules\nglobs: *.ts,src/**/*.tsx\nalwaysApply: false\n---\n# Rule\n',
    );
    expect(p.frontmatter).toEqual({ description: 'TS rules', globs: '*.ts,src/**/*.tsx', alwaysApply: false });
    expect(at(p.repairs)).toEqual([[3, 8, 'globs']]);
    expect(p.repairs[0]!.message).toContain('read as the text "*.ts,src/**/*.tsx"');
    expect(p.repairs[0]!.message).toContain('Put the value in quotes');
    expect(p).toMatchObject({ body: '# Rule\n', bodyLine: 6 });
    expect(p.error).toBeUndefined();
    expect(p.source).toBe('description: TS rules\nglobs: *.ts,src/**/*.tsx\nalwaysApply: false');
  });

  it('reads a glob list whose items start with * item by item', () => {
    const p = parseFrontmatter('---\nglobs:\n  - *.ts\n  - "src/**"\n  - *.md\n---\nBody');
    expect(p.frontmatter).toEqual({ globs: ['*.ts', 'src/**', '*.md'] });
    expect(at(p.repairs)).toEqual([
      [3, 5, 'globs'],
      [5, 5, 'globs'],
    ]);
    expect(p.body).toBe('Body');
  });

  it('reads an unquoted colon in a description (and its folded continuation line) as text', () => {
    const p = parseFrontmatter('---\nname: deployer\ndescription: Use when: deploying\n  to production\n---\nPrompt');
    expect(p.frontmatter).toEqual({ name: 'deployer', description: 'Use when: deploying to production' });
    expect(at(p.repairs)).toEqual([[3, 14, 'description']]);
    expect(p.body).toBe('Prompt');
  });

  it('reads tab indentation as spaces, keeping nested blocks and lists', () => {
    const p = parseFrontmatter('---\ntags:\n\t- alpha\n\t- beta\nsettings:\n\tcursor:\n\t\tsplit: true\n---\nB\n');
    expect(p.frontmatter).toEqual({ tags: ['alpha', 'beta'], settings: { cursor: { split: true } } });
    expect(at(p.repairs)).toEqual([
      [3, 1, 'tags'],
      [6, 1, 'settings'],
    ]);
    expect(p.repairs[0]!.message).toContain('tabs (2 lines)');
    expect(p.body).toBe('B\n');
  });

  it('reads CRLF files with a BOM, strict or not', () => {
    const strict = parseFrontmatter('\ufeff---\r\ntitle: CRLF file\r\ntags: [a, b]\r\n---\r\nBody\r\n');
    expect(strict).toMatchObject({ frontmatter: { title: 'CRLF file', tags: ['a', 'b'] }, repairs: [] });
    expect(strict.body).toBe('Body\r\n');
    const tolerant = parseFrontmatter('\ufeff---\r\nglobs: *.ts\r\ndescription: a: b\r\n---\r\nBody\r\n');
    expect(tolerant.frontmatter).toEqual({ globs: '*.ts', description: 'a: b' });
    expect(at(tolerant.repairs)).toEqual([
      [2, 8, 'globs'],
      [3, 14, 'description'],
    ]);
    expect(tolerant).toMatchObject({ body: 'Body\r\n', bodyLine: 5, source: 'globs: *.ts\r\ndescription: a: b' });
  });

  it('takes the last of repeated keys and reports each repeat', () => {
    const p = parseFrontmatter('---\ndescription: first\nname: n\ndescription: second\ndescription: third\n---\nB');
    expect(p.frontmatter).toEqual({ description: 'third', name: 'n' });
    expect(at(p.repairs)).toEqual([
      [4, 1, 'description'],
      [5, 1, 'description'],
    ]);
    expect(p.repairs[0]!.message).toContain('first on line 2');
    const nested = parseFrontmatter('---\nsettings:\n  a: 1\n  a: 2\n---\n');
    expect(nested.frontmatter).toEqual({ settings: { a: 2 } });
    expect(at(nested.repairs)).toEqual([[2, 1, 'settings']]);
  });

  it('keeps non-ASCII keys and values', () => {
    const p = parseFrontmatter('---\n名前: レビュー担当\ndescription: Café – naïve: “quoted”\nglobs: *.ü\n---\n本文');
    expect(p.frontmatter).toEqual({ 名前: 'レビュー担当', description: 'Café – naïve: “quoted”', globs: '*.ü' });
    expect(at(p.repairs)).toEqual([
      [3, 14, 'description'],
      [4, 8, 'globs'],
    ]);
    expect(p.body).toBe('本文');
  });

  it('reads a flow sequence followed by text as text, and [x] alone as the list YAML makes of it', () => {
    const p = parseFrontmatter('---\nargument-hint: [file] | [dir]\ndescription: Review\n---\nReview $ARGUMENTS\n');
    expect(p.frontmatter).toEqual({ 'argument-hint': '[file] | [dir]', description: 'Review' });
    expect(at(p.repairs)).toEqual([[2, 16, 'argument-hint']]);
    const list = parseFrontmatter('---\nargument-hint: [x]\n---\nB');
    expect(list).toMatchObject({ frontmatter: { 'argument-hint': ['x'] }, repairs: [] });
  });

  it('reads an unterminated quote as written, without swallowing the next keys', () => {
    const p = parseFrontmatter('---\ndescription: "Use for reviews\nname: reviewer\nmodel: sonnet\n---\nB');
    expect(p.frontmatter).toEqual({ description: '"Use for reviews', name: 'reviewer', model: 'sonnet' });
    expect(at(p.repairs)).toEqual([[2, 14, 'description']]);
    expect(p.repairs[0]!.message).toContain('Close the quote');
  });

  it('removes one pair of matching quotes around a value YAML refuses', () => {
    const p = parseFrontmatter('---\ndescription: \'It\'s a rule\'\ntitle: "say "hi""\n---\n');
    expect(p.frontmatter).toEqual({ description: "It's a rule", title: 'say "hi"' });
    expect(at(p.repairs)).toEqual([
      [2, 14, 'description'],
      [3, 8, 'title'],
    ]);
  });

  it('gives keys without a value null, as YAML does, and ignores a line that is not a key', () => {
    const strict = parseFrontmatter('---\nmodel:\ndescription: D\n---\nB');
    expect(strict).toMatchObject({ frontmatter: { model: null, description: 'D' }, repairs: [] });
    const p = parseFrontmatter('---\njust a note\nmodel:\nglobs: *.ts\n---\nB');
    expect(p.frontmatter).toEqual({ model: null, globs: '*.ts' });
    expect(at(p.repairs)).toEqual([
      [2, 1, null],
      [4, 8, 'globs'],
    ]);
    expect(p.repairs[0]!.message).toContain('not a "key: value" line');
  });

  it('accepts fences with trailing spaces or tabs', () => {
    const p = parseFrontmatter('---  \ntitle: Spaced\n--- \t\nBody\n');
    expect(p).toMatchObject({ frontmatter: { title: 'Spaced' }, body: 'Body\n', bodyLine: 4, repairs: [] });
    expect(parseFrontmatter('---\ntitle: End\n---   ')).toMatchObject({ frontmatter: { title: 'End' }, body: '' });
  });

  it('reads a frontmatter that is only a comment, or empty, as an empty mapping', () => {
    expect(parseFrontmatter('---\n# nothing here\n---\nBody')).toEqual({
      frontmatter: {},
      body: 'Body',
      bodyLine: 4,
      repairs: [],
      source: '# nothing here',
    });
    expect(parseFrontmatter('---\n---\nBody')).toEqual({
      frontmatter: {},
      body: 'Body',
      bodyLine: 3,
      repairs: [],
      source: '',
    });
    expect(parseFrontmatter('---\r\n\r\n---\r\nBody')).toMatchObject({ frontmatter: {}, body: 'Body', repairs: [] });
  });

  it('sets error only when nothing reads as a mapping, and the body is still only the body', () => {
    const list = parseFrontmatter('---\n- a\n- b\n---\nBody');
    expect(list).toMatchObject({ frontmatter: {}, body: 'Body', bodyLine: 5, source: '- a\n- b' });
    expect(list.error).toBe('frontmatter must be a YAML mapping (key: value lines)');
    const broken = parseFrontmatter('---\n[unclosed\n---\nBody');
    expect(broken).toMatchObject({ frontmatter: {}, body: 'Body' });
    expect(broken.error).toMatch(/flow sequence|\]/i);
  });

  it('reports a frontmatter that fails as a whole even when every key reads on its own', () => {
    // A `...` document end in the middle: YAML sees two documents and refuses the whole text.
    const p = parseFrontmatter('---\na: 1\n...\nb: 2\n---\nB');
    expect(p.frontmatter).toEqual({ a: 1, b: 2 });
    expect(at(p.repairs)).toEqual([[2, 1, null]]);
    expect(p.repairs[0]!.message).toContain('not strict YAML');
    expect(p.error).toBeUndefined();
  });

  it('reads a block scalar YAML refuses as its lines', () => {
    const p = parseFrontmatter('---\ndescription: |\n  Use when: x\n    *indented*\n  @end\n  \u0001\nname: n\n---\nB');
    expect(p.frontmatter).toMatchObject({ name: 'n' });
    expect(typeof p.frontmatter.description).toBe('string');
    const lessIndented = parseFrontmatter('---\nd: |\n    deep\n  shallow\nglobs: *.ts\n---\n');
    expect(lessIndented.frontmatter).toEqual({ d: '  deep\nshallow\n', globs: '*.ts' });
    expect(at(lessIndented.repairs)).toEqual([
      [2, 4, 'd'],
      [5, 8, 'globs'],
    ]);
    const folded = parseFrontmatter('---\nd: >-\n  one\n  two\n\t\tx: *y\n---\n');
    expect(folded.frontmatter).toEqual({ d: 'one two x: *y' });
    expect(folded.repairs.map((r) => r.code)).toEqual(['tab-indent']);
  });

  it('codes each repair by what was fixed', () => {
    const codes = (text: string) => parseFrontmatter(text).repairs.map((r) => r.code);
    expect(codes('---\nglobs: *.ts\n---\n')).toEqual(['value-as-text']);
    expect(codes('---\ntags:\n\t- a\n---\n')).toEqual(['tab-indent']);
    expect(codes('---\na: 1\na: 2\n---\n')).toEqual(['duplicate-key']);
    expect(codes('---\nnote\nglobs: *.ts\n---\n')).toEqual(['stray-line', 'value-as-text']);
    expect(codes('---\na: 1\n...\nb: 2\n---\n')).toEqual(['not-strict-yaml']);
    expect(codes('---\nplain: strict\n---\n')).toEqual([]);
  });

  it('never lets __proto__ reach the prototype', () => {
    const p = parseFrontmatter('---\n__proto__: *polluted\nglobs: *.ts\n---\n');
    expect(Object.getPrototypeOf(p.frontmatter)).toBe(Object.prototype);
    expect(Object.keys(p.frontmatter)).toEqual(['__proto__', 'globs']);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('does not throw on hostile shapes (deep nesting, huge lines, only fences)', () => {
    const deep = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' *x';
    const inputs: Array<[string, string]> = [
      [`---\n${deep}\n---\nB`, 'B'],
      [`---\ndescription: ${'*'.repeat(100_000)}\n---\nB`, 'B'],
      ['---\n---\n---\n', '---\n'],
      ['---\n:\n: :\n---\n', ''],
      ['---\n"unclosed key: v\n---\nB', 'B'],
      ['---\n\t\t\t\n---\nB', 'B'],
      ['---\nkey: |\n\tbad tab\n---\nB', 'B'],
      [`---\na${' '.repeat(50_000)}x\nb${':x'.repeat(20_000)}\n${'"'.repeat(30_000)}\n---\nB`, 'B'],
    ];
    for (const [text, body] of inputs)
      expect(parseFrontmatter(text).body, JSON.stringify(text.slice(0, 40))).toBe(body);
    expect(parseFrontmatter(`---\n${deep}\n---\nB`).frontmatter).toHaveProperty('k0');
    expect(parseFrontmatter('---\nkey: |\n\tbad tab\n---\nB').frontmatter).toEqual({ key: 'bad tab\n' });
    // More lines than a spread of arguments may take.
    const many = `---\nd: |\n    deep\n  shallow\n${'  x\n'.repeat(150_000)}---\nB`;
    expect(parseFrontmatter(many).frontmatter.d).toMatch(/^ {2}deep\nshallow\nx\n/);
  });
});
