import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src/main/events';
import { createIndexService, type IndexService } from '../../../src/main/index/service';
import { isIgnoredPath } from '../../../src/main/index/ignore';
import { markdownHeader } from '../../../src/main/index/fast-frontmatter';
import { CACHE_VERSION } from '../../../src/main/index/cache-codec';
import { createAuditTrail } from '../../../src/main/observability/audit';
import { createLogger } from '../../../src/main/observability/logger';
import type { FilesChangedEvent } from '../../../src/shared/ipc/contract';
import { tempDir } from '../../helpers/temp';
import { testContext } from '../../helpers/app';

function write(root: string, rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

function setup() {
  const home = tempDir();
  const lib = path.join(home, 'library', 'team');
  const personal = path.join(home, 'personal');
  fs.mkdirSync(lib, { recursive: true });
  fs.mkdirSync(personal, { recursive: true });
  const cacheFile = path.join(home, 'state', 'index', 'library.idx');
  const changes: FilesChangedEvent[] = [];
  const make = (): IndexService => {
    const events = createEventBus();
    events.on('files:changed', (e) => changes.push(e));
    return createIndexService({
      cacheFile,
      roots: () => [
        { name: 'team', dir: lib },
        { name: 'personal', dir: personal },
      ],
      logger: createLogger({ level: 'error' }),
      events,
      lockFile: path.join(home, 'state', 'lock'),
      audit: createAuditTrail(path.join(home, 'state', 'audit.jsonl')),
      debounceMs: 30,
    });
  };
  return { home, lib, personal, cacheFile, changes, make };
}

async function until(pred: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const paths = (hits: ReadonlyArray<{ source: string; path: string }>) => hits.map((h) => `${h.source}/${h.path}`);

describe('library index: discovery and cache', () => {
  it('answers the tree with precedence and token estimates, and a warm start re-reads only what changed', async () => {
    const s = setup();
    write(s.lib, 'common/a.md', '---\ntitle: Alpha\ntags: [x, y]\ndescription: First\n---\nbody of alpha\n');
    write(s.lib, 'common/b.md', '# Beta heading\ntext');
    write(s.personal, 'common/a.md', '---\ntitle: Mine\n---\nmine');
    const first = s.make();
    const tree = await first.tree();
    expect(tree.map((e) => [e.source, e.path, e.title, e.overriddenBy ?? null])).toEqual([
      ['team', 'common/a.md', 'Alpha', 'personal'],
      ['personal', 'common/a.md', 'Mine', null],
      ['team', 'common/b.md', 'Beta heading', null],
    ]);
    expect(tree[0]).toMatchObject({ tags: ['x', 'y'], description: 'First', tokens: expect.any(Number) });
    expect((await first.stats()).loadedFrom).toBe('cold');
    await first.close();
    expect(fs.existsSync(s.cacheFile)).toBe(true);

    write(s.lib, 'common/b.md', '# Beta renamed\ntext');
    const second = s.make();
    expect((await second.tree()).find((e) => e.path === 'common/b.md')?.title).toBe('Beta renamed');
    const st = await second.stats();
    expect(st.loadedFrom).toBe('cache');
    expect(st.lastUpdate?.reread).toBe(1);
    expect(s.changes).toEqual([{ source: 'team', paths: ['common/b.md'] }]);
    await second.close();
  });

  it('notices edits, deletions and renames made while no process ran', async () => {
    const s = setup();
    write(s.lib, 'docs/old-name.md', '---\ntitle: Movable\n---\nquartz content');
    write(s.lib, 'docs/gone.md', 'obsolete zircon');
    write(s.lib, 'docs/edit.md', 'before basalt');
    const a = s.make();
    await a.search({ query: 'quartz' });
    await a.close();

    fs.renameSync(path.join(s.lib, 'docs/old-name.md'), path.join(s.lib, 'docs/new-name.md'));
    fs.rmSync(path.join(s.lib, 'docs/gone.md'));
    write(s.lib, 'docs/edit.md', 'after granite and more text');
    const b = s.make();
    expect(paths((await b.search({ query: 'quartz' })).hits)).toEqual(['team/docs/new-name.md']);
    expect((await b.search({ query: 'zircon' })).total).toBe(0);
    expect((await b.search({ query: 'basalt' })).total).toBe(0);
    expect(paths((await b.search({ query: 'granite' })).hits)).toEqual(['team/docs/edit.md']);
    expect((await b.tree()).map((e) => e.path)).toEqual(['docs/edit.md', 'docs/new-name.md']);
    await b.close();
  });

  it('rebuilds from scratch when the cache is corrupt, truncated or of another version, never trusting it', async () => {
    const s = setup();
    write(s.lib, 'x.md', 'obsidian words');
    const a = s.make();
    await a.search({ query: 'obsidian' });
    await a.close();
    const good = fs.readFileSync(s.cacheFile);

    const damaged: Array<[string, Buffer]> = [
      ['truncated', good.subarray(0, good.length - 7)],
      ['flipped byte', Buffer.from(good.map((b, i) => (i === good.length - 3 ? b ^ 0xff : b)))],
      [
        'older version',
        Buffer.from(
          good.toString('latin1').replace(`"version":${CACHE_VERSION}`, `"version":${CACHE_VERSION - 1}`),
          'latin1',
        ),
      ],
      ['garbage', Buffer.from('not a cache at all')],
    ];
    for (const [why, bytes] of damaged) {
      fs.writeFileSync(s.cacheFile, bytes);
      const svc = s.make();
      expect((await svc.search({ query: 'obsidian' })).total, why).toBe(1);
      expect((await svc.stats()).loadedFrom, why).toBe('cold');
      await svc.close();
      // The rebuilt cache is intact again.
      const again = s.make();
      await again.tree();
      expect((await again.stats()).loadedFrom, why).toBe('cache');
      await again.close();
    }
  });

  it('rebuild throws the cache away, indexes everything again and writes an audit record', async () => {
    const s = setup();
    write(s.lib, 'x.md', 'text');
    const svc = s.make();
    const st = await svc.rebuild(testContext());
    expect(st).toMatchObject({ files: 1, loadedFrom: 'cold' });
    expect(fs.readFileSync(path.join(s.home, 'state', 'audit.jsonl'), 'utf8')).toMatch(/"operation":"index.rebuild"/);
    await svc.close();
  });
});

describe('library index: search', () => {
  it('ranks title and tag matches above body mentions, with prefix and fuzzy matching and filters', async () => {
    const s = setup();
    write(s.lib, 'common/deploy.md', '---\ntitle: Deployment checklist\ntags: [devops, release]\n---\nSteps to ship.');
    write(s.lib, 'common/notes.md', '---\ntitle: Notes\n---\nWe talked about deployment once.');
    write(s.lib, 'agents/shipper.md', '---\ntitle: Shipper agent\ntags: [release]\n---\nRuns the deployment.');
    write(
      s.lib,
      'mcp-servers/gh.json',
      JSON.stringify({ name: 'gh', title: 'GitHub deployment server', tags: ['devops'] }),
    );
    write(s.personal, 'mine.md', '---\ntitle: Personal deployment diary\n---\n');
    const svc = s.make();
    const all = await svc.search({ query: 'deployment' });
    expect(all.total).toBe(5);
    // A mention in the body alone ranks below every title match.
    expect(paths(all.hits).at(-1)).toBe('team/common/notes.md');

    expect(paths((await svc.search({ query: 'deplo' })).hits)).toContain('team/common/deploy.md');
    const typo = await svc.search({ query: 'deploymnet' });
    expect(typo.total).toBe(5);
    expect(typo.hits[0]!.terms).toEqual(['deployment']);
    expect(paths((await svc.search({ query: 'checklist' })).hits)).toEqual(['team/common/deploy.md']);
    expect(paths((await svc.search({ query: 'common deploy' })).hits)[0]).toBe('team/common/deploy.md');

    expect(paths((await svc.search({ query: 'deployment', kind: 'agent' })).hits)).toEqual(['team/agents/shipper.md']);
    expect(paths((await svc.search({ query: 'deployment', kind: 'mcp-server' })).hits)).toEqual([
      'team/mcp-servers/gh.json',
    ]);
    expect(paths((await svc.search({ query: 'deployment', source: 'personal' })).hits)).toEqual(['personal/mine.md']);
    expect(paths((await svc.search({ query: 'deployment', tag: 'Release' })).hits).sort()).toEqual([
      'team/agents/shipper.md',
      'team/common/deploy.md',
    ]);
    expect(paths((await svc.search({ query: '', tag: 'devops' })).hits)).toEqual([
      'team/common/deploy.md',
      'team/mcp-servers/gh.json',
    ]);
    expect((await svc.search({ query: 'deployment', limit: 2 })).hits).toHaveLength(2);
    expect((await svc.search({ query: 'nothingmatcheshere' })).total).toBe(0);
    await svc.close();
  });

  it('reads simple frontmatter without YAML and falls back to YAML for anything else', () => {
    expect(
      markdownHeader('---\ntitle: Plain title\ntags:\n  - a\n  - b\ndescription: Words here\n---\n# H\n', 'f'),
    ).toMatchObject({ title: 'Plain title', tags: ['a', 'b'], description: 'Words here' });
    expect(markdownHeader('---\ntitle: "Quoted: with colon"\ntags: [x]\n---\nbody', 'f')).toMatchObject({
      title: 'Quoted: with colon',
      tags: ['x'],
    });
    expect(markdownHeader('---\ntitle: >\n  folded\n---\n', 'f').title).toBe('folded\n');
    expect(markdownHeader('no frontmatter\n# Heading here', 'f').title).toBe('Heading here');
  });
});

describe('library index: watching', () => {
  it('ignores VCS, dependency and sync-tool temp files', () => {
    for (const p of [
      '.git/config',
      'node_modules/x/readme.md',
      'a/.syncthing.notes.md.tmp',
      'a/~$report.md',
      'a/.~lock.notes.md#',
      'a/notes.md~',
    ])
      expect(isIgnoredPath(p), p).toBe(true);
    for (const p of ['a/notes.md', 'agents/x.md', 'tmp/notes.md']) expect(isIgnoredPath(p), p).toBe(false);
  });

  it('turns a burst of 500 changes into one batch and one event, and skips ignored files', async () => {
    const s = setup();
    for (let i = 0; i < 500; i++) write(s.lib, `bulk/f${i}.md`, `file ${i}`);
    const svc = s.make();
    await svc.watch();
    expect((await svc.tree()).length).toBe(500);
    s.changes.length = 0;
    for (let i = 0; i < 500; i++) fs.appendFileSync(path.join(s.lib, `bulk/f${i}.md`), ' burstword');
    write(s.lib, 'bulk/.syncthing.f1.md.tmp', 'burstword');
    write(s.lib, 'bulk/~$f2.md', 'burstword');
    write(s.lib, '.git/burst.md', 'burstword');
    write(s.lib, 'node_modules/pkg/burst.md', 'burstword');
    await until(() => s.changes.flatMap((c) => c.paths).length >= 500);
    await svc.settle();
    expect(s.changes.length).toBeLessThanOrEqual(2);
    expect(new Set(s.changes.flatMap((c) => c.paths)).size).toBe(500);
    const r = await svc.search({ query: 'burstword', limit: 500 });
    expect(r.total).toBe(500);
    expect(r.hits.every((h) => h.path.startsWith('bulk/f'))).toBe(true);
    await svc.close();
  });

  it('sees new, deleted and renamed files and folders through the watcher', async () => {
    const s = setup();
    write(s.lib, 'dir/one.md', 'alpha');
    const svc = s.make();
    await svc.watch();
    await svc.tree();
    const treePaths = async () => (await svc.tree()).map((e) => `${e.source}/${e.path}`);
    write(s.personal, 'new.md', '---\ntitle: Fresh\n---\nwatchme');
    await until(() => s.changes.some((c) => c.source === 'personal' && c.paths.includes('new.md')));
    expect(paths((await svc.search({ query: 'watchme' })).hits)).toEqual(['personal/new.md']);
    fs.renameSync(path.join(s.lib, 'dir'), path.join(s.lib, 'moved'));
    await until(
      async () => (await treePaths()).includes('team/moved/one.md') && !(await treePaths()).includes('team/dir/one.md'),
    );
    fs.rmSync(path.join(s.personal, 'new.md'));
    await until(async () => !(await treePaths()).includes('personal/new.md'));
    expect((await svc.search({ query: 'watchme' })).total).toBe(0);
    await svc.close();
  });
});
