import { describe, expect, it } from 'vitest';
import { readFrontmatter, repairWarnings, type LintFinding } from '../../../src/main/agents/lint-yaml';

const collect = (): { add: (f: LintFinding) => void; found: LintFinding[] } => {
  const found: LintFinding[] = [];
  return { add: (f) => void found.push(f), found };
};

describe('frontmatter repairs become frontmatter/not-strict-yaml warnings', () => {
  it("each repair of the tolerant reader is a warning at its line and column, with the reader's message", () => {
    const { add, found } = collect();
    repairWarnings(
      'rules/a.md',
      [
        { line: 3, col: 1, key: 'tags', message: 'a tab indents this line; YAML allows only spaces' },
        { line: 4, col: 8, key: 'globs', message: 'unquoted glob' },
        { line: 4, col: 15, message: 'a second repair on the same line' },
        { line: 0, col: 0, message: 'a repair with no position' },
      ],
      [{ line: 4, col: 8, key: 'globs', value: '**/*.ts' }],
      add,
    );
    expect(found).toEqual([
      {
        file: 'rules/a.md',
        line: 3,
        col: 1,
        rule: 'frontmatter/not-strict-yaml',
        field: 'tags',
        message: 'a tab indents this line; YAML allows only spaces',
        fix: expect.stringMatching(/strict YAML/),
      },
      // The lint quoted this line itself: one warning, with the exact value to write.
      expect.objectContaining({ line: 4, col: 8, field: 'globs', fix: 'quote the value: globs: "**/*.ts"' }),
      expect.objectContaining({ line: 1, col: 1, message: 'a repair with no position' }),
    ]);
  });

  it("without the reader's repairs, the lint's own line repairs are the warnings", () => {
    const { add, found } = collect();
    repairWarnings('c.md', [], [{ line: 3, col: 16, key: 'argument-hint', value: '[x] | y' }], add);
    expect(found).toEqual([
      expect.objectContaining({
        line: 3,
        col: 16,
        rule: 'frontmatter/not-strict-yaml',
        fix: 'quote the value: argument-hint: "[x] | y"',
      }),
    ]);
  });

  it('what the tools read is read as they do: the value is the text written', () => {
    const { add, found } = collect();
    const fm = readFrontmatter(
      'commands/c.md',
      '---\ndescription: Use when: asked\nargument-hint: [x] | y\nglobs: **/*.ts\n---\nBody\n',
      add,
    );
    expect(fm.kind).toBe('ok');
    if (fm.kind !== 'ok') return;
    expect(fm.data).toEqual({ description: 'Use when: asked', 'argument-hint': '[x] | y', globs: '**/*.ts' });
    expect(found.map((f) => `${f.line}:${f.col} ${f.rule}`)).toEqual([
      '2:14 frontmatter/not-strict-yaml',
      '3:16 frontmatter/not-strict-yaml',
      '4:8 frontmatter/not-strict-yaml',
    ]);
    expect(fm.source.at(['globs'])).toEqual({ line: 4, col: 1 });
  });
});

describe('the line repair quotes only what strict YAML refuses', () => {
  it('a valid glob next to an invalid line is not reported', () => {
    const { add, found } = collect();
    const fm = readFrontmatter('rules/r.md', '---\nglobs: src/**/*.ts\ndescription: Use when: asked\n---\n', add);
    expect(fm.kind).toBe('ok');
    expect(found.map((f) => `${f.line} ${f.field}`)).toEqual(['3 description']);
  });

  it("finds the frontmatter with the reader's fence: an empty one, fences with trailing spaces, CRLF", () => {
    for (const text of [
      '---\n---\nBody\n',
      '--- \ndescription: D\n---\t\nBody\n',
      '---\r\ndescription: D\r\n---\r\nBody\r\n',
    ]) {
      const { add, found } = collect();
      expect(readFrontmatter('rules/r.md', text, add).kind, JSON.stringify(text)).toBe('ok');
      expect(found).toEqual([]);
    }
    const { add, found } = collect();
    expect(readFrontmatter('rules/r.md', '---\ndescription: D\nBody\n', add).kind).toBe('none');
    expect(found.map((f) => f.rule)).toEqual(['frontmatter/unclosed']);
  });
});
