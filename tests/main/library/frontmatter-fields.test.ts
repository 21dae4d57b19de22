import { describe, expect, it } from 'vitest';
import { frontmatterFields, parseFrontmatter, replaceFrontmatterFields } from '../../../src/main/library/frontmatter';
import { frontmatterCodec } from '../../../src/main/agents/migrations';

const MDC = [
  '---',
  'description: Use when: editing TS   ',
  '# a comment kept as written',
  'globs: *.ts,src/**/*.tsx',
  'x-custom:',
  '\t- odd: [1,',
  'alwaysApply: false',
  '---',
  '# Body',
  '',
].join('\n');

describe('frontmatter fields as written', () => {
  it('lists each top-level key with its lines exactly as written and its file line', () => {
    expect(frontmatterFields(MDC)).toEqual([
      { key: 'description', raw: 'description: Use when: editing TS   ', line: 2 },
      { key: 'globs', raw: 'globs: *.ts,src/**/*.tsx', line: 4 },
      { key: 'x-custom', raw: 'x-custom:\n\t- odd: [1,', line: 5 },
      { key: 'alwaysApply', raw: 'alwaysApply: false', line: 7 },
    ]);
    expect(frontmatterFields('\ufeff---\r\na: 1\r\nb:\r\n  - x\r\n---\r\n')).toEqual([
      { key: 'a', raw: 'a: 1', line: 2 },
      { key: 'b', raw: 'b:\r\n  - x', line: 3 },
    ]);
    expect(frontmatterFields('no frontmatter')).toEqual([]);
    expect(frontmatterFields('---\n---\n')).toEqual([]);
  });

  it('rewrites only the named keys and leaves every other byte as it was', () => {
    const out = replaceFrontmatterFields(MDC, { alwaysApply: true, description: 'Editing: TS', added: ['a'] });
    expect(out).toBe(
      [
        '---',
        'description: "Editing: TS"',
        '# a comment kept as written',
        'globs: *.ts,src/**/*.tsx',
        'x-custom:',
        '\t- odd: [1,',
        'alwaysApply: true',
        'added:',
        '  - a',
        '---',
        '# Body',
        '',
      ].join('\n'),
    );
    expect(parseFrontmatter(out).frontmatter).toMatchObject({ description: 'Editing: TS', added: ['a'] });
    expect(replaceFrontmatterFields(MDC, {})).toBe(MDC);
  });

  it('removes a key (all its lines, every copy), keeps CRLF and the BOM, and creates a missing frontmatter', () => {
    const crlf = '\ufeff---\r\na: 1\r\nb:\r\n  - x\r\na: 2\r\nc: *z\r\n---\r\nBody\r\n';
    expect(replaceFrontmatterFields(crlf, { b: undefined, a: 'n' })).toBe(
      '\ufeff---\r\na: n\r\nc: *z\r\n---\r\nBody\r\n',
    );
    expect(replaceFrontmatterFields(crlf, { c: undefined, d: 1 })).toBe(
      '\ufeff---\r\na: 1\r\nb:\r\n  - x\r\na: 2\r\nd: 1\r\n---\r\nBody\r\n',
    );
    expect(replaceFrontmatterFields('---\n---\nBody', { t: 'x' })).toBe('---\nt: x\n---\nBody');
    expect(replaceFrontmatterFields('Body only\n', { t: 'x' })).toBe('---\nt: x\n---\nBody only\n');
    expect(replaceFrontmatterFields('Body only\n', { t: undefined })).toBe('Body only\n');
  });

  it('migrations rewrite a tolerant-read agent file without losing or reformatting other fields', () => {
    const text =
      '---\nname: deployer\ndescription: Use when: deploying\nx-team: *core\nschemaVersion: 1\n---\nPrompt\n';
    const doc = frontmatterCodec.parse(text, 'agents/deployer.md');
    expect(doc).toEqual({ name: 'deployer', description: 'Use when: deploying', 'x-team': '*core', schemaVersion: 1 });
    const out = frontmatterCodec.serialize({ ...doc, schemaVersion: 2 }, text);
    expect(out).toBe(
      '---\nname: deployer\ndescription: Use when: deploying\nx-team: *core\nschemaVersion: 2\n---\nPrompt\n',
    );
    // A strict file is still written as strict YAML, schemaVersion first.
    const strict = '---\nname: a\nschemaVersion: 1\n---\nP\n';
    expect(frontmatterCodec.serialize({ name: 'a', schemaVersion: 2 }, strict)).toBe(
      '---\nschemaVersion: 2\nname: a\n---\nP\n',
    );
  });
});
