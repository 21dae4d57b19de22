import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corruptObject, historyFixture } from '../../helpers/history';
import { versionsToKeep } from '../../../src/main/history/retention';
import { snapshotTree } from '../../helpers/temp';
import { testContext } from '../../helpers/app';

const setup = historyFixture;

describe('backups', () => {
  it('verify passes on a healthy store and names the version holding a corrupted file', async () => {
    const { work, h } = setup();
    fs.writeFileSync(path.join(work, 'a.md'), 'alpha\n');
    const v1 = await h.record({ operation: 'test.one', correlationId: 'c' });
    fs.writeFileSync(path.join(work, 'b.md'), 'beta\n');
    await h.record({ operation: 'test.two', correlationId: 'c' });
    const ok = await h.verify();
    expect(ok).toMatchObject({ ok: true, versions: 2, problems: [], corruptVersions: [] });
    expect(ok.objectsChecked).toBeGreaterThanOrEqual(2);

    // Overwrite the stored copy of a.md with other content (as a bad disk would).
    const sha = (await h.repo.run(['rev-parse', `${v1}:a.md`])).stdout.trim();
    await corruptObject(h.repo, sha);
    const bad = await h.verify();
    expect(bad.ok).toBe(false);
    expect(bad.problems.join('\n')).toContain(sha);
    expect(bad.corruptVersions.map((v) => v.operation).sort()).toEqual(['test.one', 'test.two']);
    expect(bad.corruptVersions[0]!.objects.join(' ')).toContain('a.md');
  });

  it('export then import restores the workspace and the timeline on another machine', async () => {
    const a = setup();
    fs.mkdirSync(path.join(a.work, 'deep', 'er'), { recursive: true });
    fs.writeFileSync(path.join(a.work, 'deep', 'er', 'x y.md'), 'xy');
    fs.writeFileSync(path.join(a.work, 'empty'), '');
    await a.h.record({ operation: 'test.one', correlationId: 'c' });
    fs.writeFileSync(path.join(a.work, 'two.md'), '2');
    await a.h.record({ operation: 'test.two', correlationId: 'c' });
    const file = path.join(a.home, 'out', 'history.bundle');
    const exp = await a.h.exportTo(file);
    expect(exp.versions).toBe(2);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['history.bundle']);

    const b = setup();
    const imp = await b.h.importFrom(file, testContext());
    expect(imp.versions).toBe(2);
    expect(snapshotTree(b.work)).toEqual(snapshotTree(a.work));
    expect((await b.h.list()).map((v) => v.operation)).toEqual(['test.two', 'test.one']);
    expect((await b.h.verify()).ok).toBe(true);

    // Into a machine with its own history: a new version that can be undone.
    const c = setup();
    fs.writeFileSync(path.join(c.work, 'mine.md'), 'mine');
    await c.h.record({ operation: 'test.mine', correlationId: 'c' });
    const imp2 = await c.h.importFrom(file, testContext());
    expect(snapshotTree(c.work)).toEqual(snapshotTree(a.work));
    await c.h.rollback({ version: imp2.restored.before! }, testContext());
    expect(fs.readFileSync(path.join(c.work, 'mine.md'), 'utf8')).toBe('mine');

    fs.writeFileSync(path.join(a.home, 'junk'), 'not a bundle');
    await expect(b.h.importFrom(path.join(a.home, 'junk'), testContext())).rejects.toMatchObject({
      code: 'INVALID_FILE',
    });
  });

  it('retention keeps everything recent and one version a day before that', async () => {
    const day = (d: number, h = 0) => new Date(Date.UTC(2026, 0, d, h));
    const vs = [
      { id: 'a', date: day(1, 1) },
      { id: 'b', date: day(1, 5) },
      { id: 'c', date: day(2, 1) },
      { id: 'd', date: day(9, 1) },
      { id: 'e', date: day(9, 2) },
    ];
    expect([...versionsToKeep(vs, day(10), 3)].sort()).toEqual(['b', 'c', 'd', 'e']);
    expect([...versionsToKeep(vs, day(30), 3)].sort()).toEqual(['b', 'c', 'e']);
  });

  it('prune thins old versions, keeps every tree it keeps, and the store stays valid', async () => {
    let t = new Date(Date.UTC(2026, 0, 1, 8));
    const { work, h } = setup(() => t);
    const kept: Record<string, string> = {};
    for (let i = 0; i < 6; i++) {
      // Two versions a day, six hours apart, committed at that date.
      fs.writeFileSync(path.join(work, 'f.md'), `v${i}`);
      process.env.GIT_COMMITTER_DATE = t.toISOString();
      const id = (await h.record({ operation: `test.v${i}`, correlationId: 'c' }))!;
      kept[id] = `v${i}`;
      t = new Date(t.getTime() + (i % 2 ? 18 : 6) * 3_600_000);
    }
    delete process.env.GIT_COMMITTER_DATE;
    t = new Date(Date.UTC(2026, 0, 20));
    const dry = await h.prune({ days: 5, dryRun: true });
    expect(dry).toMatchObject({ kept: 3, removed: 3 });
    expect((await h.list()).length).toBe(6);
    const r = await h.prune({ days: 5, dryRun: false });
    expect(r).toMatchObject({ kept: 3, removed: 3 });
    const list = await h.list();
    expect(list.map((v) => v.operation)).toEqual(['test.v5', 'test.v3', 'test.v1']);
    expect((await h.verify()).ok).toBe(true);
    expect(fs.readFileSync(path.join(work, 'f.md'), 'utf8')).toBe('v5');
  });
});
