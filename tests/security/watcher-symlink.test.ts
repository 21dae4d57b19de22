import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../src/main/events';
import { createIndexService } from '../../src/main/index/service';
import { createAuditTrail } from '../../src/main/observability/audit';
import { createLogger } from '../../src/main/observability/logger';
import type { FilesChangedEvent } from '../../src/shared/ipc/contract';
import { testContext } from '../helpers/app';
import { tempDir } from '../helpers/temp';

function setup() {
  const home = tempDir('aicfg-watch-link-');
  const lib = path.join(home, 'library', 'team');
  const personal = path.join(home, 'personal');
  const outside = path.join(home, 'outside');
  for (const d of [lib, personal, outside]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(outside, 'victim.md'), 'victimword secret\n');
  fs.mkdirSync(path.join(outside, 'dir'));
  fs.writeFileSync(path.join(outside, 'dir', 'inner.md'), 'victimword in a folder\n');
  const changes: FilesChangedEvent[] = [];
  const events = createEventBus();
  events.on('files:changed', (e) => changes.push(e));
  const svc = createIndexService({
    cacheFile: path.join(home, 'state', 'index', 'library.idx'),
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
  return { home, lib, personal, outside, svc, changes };
}

/** Waits for a condition the watcher brings about (a liveness bound, not a timing assumption). */
async function until(pred: () => Promise<boolean>, ms = 120_000) {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const cases: ReadonlyArray<{ name: string; root: 'lib' | 'personal'; swap: (s: ReturnType<typeof setup>) => string }> =
  [
    {
      name: 'a library file replaced by a symlink via rename (what a sync rename or an update does)',
      root: 'lib',
      swap: (s) => {
        const tmp = path.join(s.lib, '.tmp-link');
        fs.symlinkSync(path.join(s.outside, 'victim.md'), tmp);
        fs.renameSync(tmp, path.join(s.lib, 'notes.md'));
        return 'notes.md';
      },
    },
    {
      name: 'a personal file replaced by a symlink via rename',
      root: 'personal',
      swap: (s) => {
        const tmp = path.join(s.personal, 'x.tmp');
        fs.symlinkSync(path.join(s.outside, 'victim.md'), tmp);
        fs.renameSync(tmp, path.join(s.personal, 'notes.md'));
        return 'notes.md';
      },
    },
    {
      name: 'a folder replaced by a symlink to a folder outside',
      root: 'lib',
      swap: (s) => {
        fs.rmSync(path.join(s.lib, 'sub'), { recursive: true });
        fs.symlinkSync(path.join(s.outside, 'dir'), path.join(s.lib, 'sub'));
        return 'sub/inner.md';
      },
    },
  ];

describe('watcher and full walk agree on symlinks', () => {
  for (const c of cases) {
    it(`drops ${c.name} from the index and never reads its target`, async () => {
      const s = setup();
      const dir = c.root === 'lib' ? s.lib : s.personal;
      const source = c.root === 'lib' ? 'team' : 'personal';
      fs.writeFileSync(path.join(dir, 'notes.md'), 'plainword\n');
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'inner.md'), 'plainword inner\n');
      await s.svc.watch();
      expect((await s.svc.search({ query: 'plainword' })).total).toBe(2);
      const rel = c.swap(s);
      // A sentinel written after the swap: once it is indexed, the swap's events were handled too.
      fs.writeFileSync(path.join(dir, 'sentinel.md'), 'sentinelword\n');
      await until(async () => (await s.svc.search({ query: 'sentinelword' })).total === 1);
      await s.svc.settle();
      const tree = (await s.svc.tree()).map((e) => `${e.source}/${e.path}`);
      expect(tree).not.toContain(`${source}/${rel}`);
      expect((await s.svc.search({ query: 'victimword' })).total).toBe(0);
      // A full rebuild agrees.
      await s.svc.rebuild(testContext());
      expect((await s.svc.tree()).map((e) => `${e.source}/${e.path}`).sort()).toEqual(tree.sort());
      expect((await s.svc.search({ query: 'victimword' })).total).toBe(0);
      await s.svc.close();
    });
  }
});
