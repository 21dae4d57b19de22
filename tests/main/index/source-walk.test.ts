import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src/main/events';
import { isIgnoredPath } from '../../../src/main/index/ignore';
import { createIndexService } from '../../../src/main/index/service';
import { ignoreMatcher } from '../../../src/main/library/ignore-patterns';
import { isInvalidName } from '../../../src/main/library/walk';
import { hasUnsafeChars } from '../../../src/shared/unsafe-chars';
import { createAuditTrail } from '../../../src/main/observability/audit';
import { createLogger } from '../../../src/main/observability/logger';
import { tempDir } from '../../helpers/temp';

function write(root: string, rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

async function until(pred: () => Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function setup() {
  const home = tempDir();
  const lib = path.join(home, 'library', 'team');
  fs.mkdirSync(lib, { recursive: true });
  let ignore: string[] = [];
  const index = createIndexService({
    cacheFile: path.join(home, 'state', 'index', 'library.idx'),
    roots: () => [{ name: 'team', dir: lib, ...(ignore.length ? { ignore } : {}) }],
    logger: createLogger({ level: 'error' }),
    events: createEventBus(),
    lockFile: path.join(home, 'state', 'lock'),
    audit: createAuditTrail(path.join(home, 'state', 'audit.jsonl')),
    debounceMs: 20,
  });
  return { home, lib, index, setIgnore: (p: string[]) => (ignore = p) };
}

describe('ignore patterns', () => {
  it('match like .gitignore: names at any depth, anchored paths, folders, negation', () => {
    const m = ignoreMatcher(['*.draft.md', 'docs/**', '/top.md', 'build/', '!keep.draft.md', '# comment', '']);
    expect(m.ignores('a/b/x.draft.md', false)).toBe(true);
    expect(m.ignores('keep.draft.md', false)).toBe(false);
    expect(m.ignores('docs/a/b.md', false)).toBe(true);
    expect(m.ignores('sub/docs/b.md', false)).toBe(false);
    expect(m.ignores('top.md', false)).toBe(true);
    expect(m.ignores('sub/top.md', false)).toBe(false);
    expect(m.ignores('build', false)).toBe(false);
    expect(m.ignores('build/x.md', false)).toBe(true);
    expect(m.ignores('sub/build/x.md', false)).toBe(true);
    expect(m.ignores('notes.md', false)).toBe(false);
    expect(ignoreMatcher([]).empty).toBe(true);
  });

  it('the watcher and index take the known tool folders at the top of a source, and no other dot names', () => {
    for (const p of ['.cursor/rules/x.mdc', '.github/prompts/p.prompt.md', '.mcp.json', '.claude/skills/s/SKILL.md'])
      expect(isIgnoredPath(p), p).toBe(false);
    for (const p of ['.git/config', 'sub/.cursor/rules/x.mdc', '.cursor/.hidden.md', '.obsidian/a.md', '.DS_Store'])
      expect(isIgnoredPath(p), p).toBe(true);
  });
});

describe('invalid names', () => {
  it('are exactly those with a backslash or a character hasUnsafeChars names', () => {
    const wrong: number[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const name = `a${String.fromCodePoint(cp)}b.md`;
      if (isInvalidName(name) !== (cp === 0x5c || hasUnsafeChars(name))) wrong.push(cp);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a watched source', () => {
  it('indexes a tool-folder file created while watching, and counts a symlink out of the root, then forgets it', async () => {
    const s = setup();
    write(s.lib, 'guides/a.md', '# A\n');
    await s.index.watch();
    try {
      expect((await s.index.tree()).map((e) => e.path)).toEqual(['guides/a.md']);
      write(s.lib, '.cursor/rules/late.mdc', '---\ndescription: Late\n---\nlatecomerword\n');
      await until(async () => (await s.index.search({ query: 'latecomerword' })).hits.length === 1);
      expect((await s.index.tree()).find((e) => e.path === '.cursor/rules/late.mdc')?.kind).toBe('knowledge');

      const outside = path.join(s.home, 'outside.md');
      fs.writeFileSync(outside, '# outside\n');
      fs.symlinkSync(outside, path.join(s.lib, 'guides', 'link.md'));
      const reasons = async () => (await s.index.skipped()).find((x) => x.source === 'team')?.reasons ?? [];
      await until(async () => (await reasons()).some((r) => r.reason === 'symlink-outside-root'));
      expect(await reasons()).toEqual([{ reason: 'symlink-outside-root', count: 1, examples: ['guides/link.md'] }]);
      fs.rmSync(path.join(s.lib, 'guides', 'link.md'));
      await until(async () => (await reasons()).length === 0);
    } finally {
      await s.index.close();
    }
  });

  it('a changed ignore list reindexes the source even while the watcher keeps memory current', async () => {
    const s = setup();
    write(s.lib, 'guides/a.md', '# A\n\nalphaword\n');
    write(s.lib, 'drafts/b.md', '# B\n\nbetaword\n');
    await s.index.watch();
    try {
      expect((await s.index.search({ query: 'betaword' })).hits).toHaveLength(1);
      s.setIgnore(['drafts/']);
      expect((await s.index.tree()).map((e) => e.path)).toEqual(['guides/a.md']);
      expect((await s.index.search({ query: 'betaword' })).hits).toHaveLength(0);
      expect((await s.index.skipped())[0]?.reasons).toEqual([
        { reason: 'ignored-by-pattern', count: 1, examples: ['drafts/b.md'] },
      ]);
      // A file added under an ignored folder while watching stays out.
      write(s.lib, 'drafts/c.md', '# C\n');
      await until(async () => (await s.index.skipped())[0]?.total === 2);
      expect((await s.index.tree()).map((e) => e.path)).toEqual(['guides/a.md']);
      s.setIgnore([]);
      expect((await s.index.tree()).map((e) => e.path)).toEqual(['drafts/b.md', 'drafts/c.md', 'guides/a.md']);
      expect((await s.index.search({ query: 'betaword' })).hits).toHaveLength(1);
      expect((await s.index.stats()).files).toBe(3);
    } finally {
      await s.index.close();
    }
  });
});

describe('skill folders of every tool in the table', () => {
  it("take a skill's scripts and assets silently, as for .claude/skills (none is a skip)", async () => {
    const { scanTree } = await import('../../../src/main/library/walk');
    const { lib } = setup();
    for (const dir of ['.claude/skills', '.gemini/skills', '.codex/skills', '.copilot/skills', 'skills']) {
      write(lib, `${dir}/kit/SKILL.md`, '---\nname: kit\ndescription: A kit\n---\nSteps.\n');
      write(lib, `${dir}/kit/run.sh`, 'echo hi\n');
    }
    const scan = await scanTree(lib);
    expect([...scan.skipped.keys()].filter((k) => k.includes('/kit/'))).toEqual([]);
  });
});
