import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../src/shared/library';
import { buildTree, flattenTree } from '../../src/renderer/components/tree-model';

const entry = (source: string, path: string, overriddenBy?: string): LibraryEntry => ({ source, path, kind: 'knowledge', title: path, description: '', tags: [], size: 1, mtimeMs: 0, overrides: [], ...(overriddenBy ? { overriddenBy } : {}) });

describe('tree model', () => {
  it('nests folders, counts files, and hides children of closed folders', () => {
    const tree = buildTree([entry('s', 'a/b/c.md'), entry('s', 'a/d.md'), entry('s', 'top.md')]);
    const open = flattenTree(tree, () => true);
    expect(open.map((r) => (r.kind === 'folder' ? `${r.path}/(${r.count})` : r.name))).toEqual(['a/(2)', 'a/b/(1)', 'c.md', 'd.md', 'top.md']);
    const closed = flattenTree(tree, (p) => p !== 'a');
    expect(closed.map((r) => r.key)).toEqual(['d:a', 'f:s:top.md']);
  });

  it('lists the winning file before the ones it overrides', () => {
    const rows = flattenTree(buildTree([entry('starter', 'x.md', 'personal'), entry('personal', 'x.md')]), () => true);
    expect(rows.map((r) => r.kind === 'file' && r.entry.source)).toEqual(['personal', 'starter']);
  });

  it('flattens 100,000 entries quickly enough for a virtualised list', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => entry('s', `d${i % 100}/e${i % 7}/f${i}.md`));
    const rows = flattenTree(buildTree(many), (p) => !p.includes('/'));
    expect(rows.length).toBe(100 + 700);
  });
});
