import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLibrary } from '../../../src/main/library/tree';
import { parseFrontmatter } from '../../../src/main/library/frontmatter';
import { tempDir } from '../../helpers/temp';

function write(root: string, rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

describe('library listing', () => {
  it('later sources override earlier ones and personal overrides all', async () => {
    const [a, b, p] = [tempDir(), tempDir(), tempDir()];
    write(a, 'common/x.md', '---\ntitle: A\n---\n');
    write(b, 'common/x.md', '---\ntitle: B\n---\n');
    write(p, 'common/x.md', '---\ntitle: P\n---\n');
    write(a, 'only-a.md', '# Only A heading\n');
    write(a, '.git/config', 'x');
    write(a, 'README.md', '# a');
    write(p, 'README.md', '# p');
    const entries = await listLibrary([
      { name: 'a', dir: a },
      { name: 'b', dir: b },
      { name: 'personal', dir: p },
    ]);
    const x = entries.filter((e) => e.path === 'common/x.md');
    expect(x.map((e) => [e.source, e.overrides, e.overriddenBy])).toEqual([
      ['a', [], 'personal'],
      ['b', ['a'], 'personal'],
      ['personal', ['a', 'b'], undefined],
    ]);
    expect(entries.find((e) => e.path === 'only-a.md')?.title).toBe('Only A heading');
    expect(entries.some((e) => e.path.startsWith('.git'))).toBe(false);
    expect(entries.filter((e) => e.path === 'README.md').every((e) => !e.overriddenBy)).toBe(true);
  });

  it('classifies kinds and reads MCP definitions', async () => {
    const a = tempDir();
    write(a, 'agents/rev.md', '---\nname: rev\ntitle: Reviewer\n---\nPrompt');
    write(a, 'mcp-servers/gh.json', JSON.stringify({ name: 'gh', title: 'GitHub', description: 'd', tags: ['git'] }));
    write(a, 'roles/x/y.md', 'text');
    const entries = await listLibrary([{ name: 'a', dir: a }]);
    expect(Object.fromEntries(entries.map((e) => [e.path, e.kind]))).toEqual({
      'agents/rev.md': 'agent',
      'mcp-servers/gh.json': 'mcp-server',
      'roles/x/y.md': 'knowledge',
    });
    expect(entries.find((e) => e.kind === 'mcp-server')).toMatchObject({ title: 'GitHub', tags: ['git'] });
  });

  it('parses frontmatter and reports bad YAML instead of throwing', () => {
    expect(parseFrontmatter('---\ntitle: T\ntags: [a, b]\n---\nBody\n')).toMatchObject({
      frontmatter: { title: 'T', tags: ['a', 'b'] },
      body: 'Body\n',
      bodyLine: 5,
    });
    expect(parseFrontmatter('no frontmatter')).toMatchObject({ frontmatter: {}, body: 'no frontmatter' });
    const unclosed = parseFrontmatter('---\ntitle: [unclosed\n---\nBody');
    expect(unclosed).toMatchObject({ frontmatter: { title: '[unclosed' }, body: 'Body' });
    expect(unclosed.repairs.map((r) => [r.line, r.col, r.key])).toEqual([[2, 8, 'title']]);
    expect(parseFrontmatter('---\n- not a mapping\n---\nBody')).toMatchObject({ body: 'Body', frontmatter: {} });
    expect(parseFrontmatter('---\n- not a mapping\n---\nBody').error).toBeTruthy();
    expect(parseFrontmatter('\ufeff---\r\ntitle: CRLF\r\n---\r\nB').frontmatter.title).toBe('CRLF');
  });
});
