import { describe, expect, it } from 'vitest';
import type { EntryKind, LibraryEntry } from '../../src/shared/library';
import { decodeOutline, encodeOutline, type TreeEntry } from '../../src/shared/outline';
import { LibraryTree, type TreeNode } from '../../src/renderer/components/tree-model';

const entry = (source: string, path: string, overriddenBy?: string, overrides: string[] = []): TreeEntry => ({
  source,
  path,
  kind: 'knowledge',
  title: path,
  overrides,
  ...(overriddenBy ? { overriddenBy } : {}),
});
const show = (rows: TreeNode[]) =>
  rows.map((r) => (r.kind === 'folder' ? `${r.path}/(${r.count})` : `${r.name}@${r.entry.source}`));

describe('tree model', () => {
  it('nests folders, counts files, and hides children of closed folders', () => {
    const tree = new LibraryTree([entry('s', 'a/b/c.md'), entry('s', 'a/d.md'), entry('s', 'top.md')]);
    expect(show(tree.rows(() => true))).toEqual(['a/(2)', 'a/b/(1)', 'c.md@s', 'd.md@s', 'top.md@s']);
    expect(tree.rows((p) => p !== 'a').map((r) => r.key)).toEqual(['d:a', 'f:s:top.md']);
    expect(tree.size).toBe(3);
  });

  it('lists the winning file before the ones it overrides', () => {
    const rows = new LibraryTree([
      entry('starter', 'x.md', 'personal'),
      entry('personal', 'x.md', undefined, ['starter']),
    ]).rows(() => true);
    expect(show(rows)).toEqual(['x.md@personal', 'x.md@starter']);
  });

  it('applies deltas in place: an edit, an add in a new folder, a delete that empties a folder, an override', () => {
    const tree = new LibraryTree([entry('s', 'a/b/c.md'), entry('s', 'a/d.md'), entry('s', 'top.md')]);
    const v = tree.version;
    tree.replaceAt(['a/d.md'], [{ ...entry('s', 'a/d.md'), title: 'Edited' }]);
    expect(tree.version).toBeGreaterThan(v);
    const d = tree.rows(() => true).find((r) => r.kind === 'file' && r.entry.path === 'a/d.md');
    expect(d?.kind === 'file' && d.entry.title).toBe('Edited');
    tree.replaceAt(['n/new.md', 'a/b/c.md'], [entry('s', 'n/new.md')]);
    expect(show(tree.rows(() => true))).toEqual(['a/(1)', 'd.md@s', 'n/(1)', 'new.md@s', 'top.md@s']);
    // A personal file now overrides the library's: both entries at the path come back, with their precedence.
    tree.replaceAt(['top.md'], [entry('personal', 'top.md', undefined, ['s']), entry('s', 'top.md', 'personal')]);
    expect(show(tree.rows(() => true)).slice(-2)).toEqual(['top.md@personal', 'top.md@s']);
    expect(tree.size).toBe(4);
    expect(tree.sources.has('personal')).toBe(true);
    // Removing a path that is not there changes nothing.
    tree.replaceAt(['zz/none.md'], []);
    expect(tree.size).toBe(4);
  });

  it('gives the same tree from deltas as from a whole fetch', () => {
    const all = Array.from({ length: 500 }, (_, i) => entry('s', `d${i % 7}/e${i % 3}/f${i}.md`));
    const delta = new LibraryTree(all);
    const gone = all.filter((_, i) => i % 5 === 0).map((e) => e.path);
    const added = Array.from({ length: 40 }, (_, i) => entry('p', `new${i % 4}/g${i}.md`));
    delta.replaceAt([...gone, ...added.map((e) => e.path)], added);
    const whole = new LibraryTree([...all.filter((e) => !gone.includes(e.path)), ...added]);
    expect(show(delta.rows(() => true))).toEqual(show(whole.rows(() => true)));
  });

  it('lists 100,000 entries as rows without copying them', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => entry('s', `d${i % 100}/e${i % 7}/f${i}.md`));
    const tree = new LibraryTree(many);
    expect(tree.rows((p) => !p.includes('/')).length).toBe(100 + 700);
    expect(tree.rows(() => true).length).toBe(100 + 700 + 100_000);
  });
});

describe('outline', () => {
  it('round-trips entries, with overrides and kinds, grouped by folder', () => {
    const entries: LibraryEntry[] = [
      {
        source: 'starter',
        path: 'README.md',
        kind: 'knowledge',
        title: 'Readme',
        description: 'd',
        tags: ['x'],
        size: 1,
        mtimeMs: 1,
        overrides: [],
      },
      {
        source: 'starter',
        path: 'agents/a.md',
        kind: 'agent',
        title: 'A',
        description: '',
        tags: [],
        size: 1,
        mtimeMs: 1,
        overrides: [],
        overriddenBy: 'personal',
      },
      {
        source: 'personal',
        path: 'agents/a.md',
        kind: 'agent',
        title: 'A2',
        description: '',
        tags: [],
        size: 1,
        mtimeMs: 1,
        overrides: ['starter'],
      },
      {
        source: 'team',
        path: 'mcp-servers/x.json',
        kind: 'mcp-server',
        title: 'X',
        description: '',
        tags: [],
        size: 1,
        mtimeMs: 1,
        overrides: [],
      },
    ];
    const outline = encodeOutline(entries);
    expect(outline.sources).toEqual(['starter', 'personal', 'team']);
    expect(encodeOutline([], ['starter', 'personal']).sources).toEqual(['starter', 'personal']);
    expect(new LibraryTree([], ['personal']).sources.has('personal')).toBe(true);
    expect(outline.dirs.map(([d]) => d)).toEqual(['', 'agents', 'mcp-servers']);
    expect(decodeOutline(JSON.parse(JSON.stringify(outline)))).toEqual(
      entries.map(({ source, path, kind, title, overrides, overriddenBy }) => ({
        source,
        path,
        kind,
        title,
        overrides,
        ...(overriddenBy ? { overriddenBy } : {}),
      })),
    );
  });

  it('filters by kind: only files of that kind and the folders holding some, kept right through deltas', () => {
    const of = (kind: EntryKind, source: string, path: string): TreeEntry => ({ ...entry(source, path), kind });
    const tree = new LibraryTree([
      of('skill', 's', 'skills/review/SKILL.md'),
      of('command', 's', 'commands/fix.md'),
      of('hook', 's', 'hooks/fmt.yaml'),
      of('knowledge', 's', 'rules/style.md'),
      of('permissions', 's', 'permissions/safe.yaml'),
    ]);
    const open = () => true;
    expect(show(tree.rows(open, 'skill'))).toEqual(['skills/(1)', 'skills/review/(1)', 'SKILL.md@s']);
    expect(show(tree.rows(open, 'knowledge'))).toEqual(['rules/(1)', 'style.md@s']);
    expect(show(tree.rows(open, 'agent'))).toEqual([]);
    expect(tree.root.kinds.get('hook')).toBe(1);
    // An add, a kind change in place, and a delete.
    tree.replaceAt(['skills/other/SKILL.md'], [of('skill', 's', 'skills/other/SKILL.md')]);
    expect(tree.root.kinds.get('skill')).toBe(2);
    tree.replaceAt(['hooks/fmt.yaml'], [of('knowledge', 's', 'hooks/fmt.yaml')]);
    expect(tree.root.kinds.get('hook')).toBeUndefined();
    expect(show(tree.rows(open, 'hook'))).toEqual([]);
    tree.replaceAt(['skills/review/SKILL.md'], []);
    expect(show(tree.rows(open, 'skill'))).toEqual(['skills/(1)', 'skills/other/(1)', 'SKILL.md@s']);
    // The unfiltered tree is unchanged by filtering.
    expect(tree.rows(open).filter((r) => r.kind === 'file')).toHaveLength(5);
  });
});
