import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFixture } from '../../helpers/history';

const packsOf = (gitDir: string) =>
  fs.readdirSync(path.join(gitDir, 'objects', 'pack')).filter((f) => f.endsWith('.pack')).length;
const looseOf = (gitDir: string) =>
  fs
    .readdirSync(path.join(gitDir, 'objects'))
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .reduce((n, d) => n + fs.readdirSync(path.join(gitDir, 'objects', d)).length, 0);

describe('history object storage', () => {
  it('stores a snapshot of many new files in one pack, combines packs as they pile up, and stays valid', async () => {
    const { work, h } = historyFixture();
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(work, `f${i}.md`), `file ${i}\n`);
    await h.record({ operation: 'test.bulk', correlationId: 'c' });
    expect(packsOf(h.repo.gitDir)).toBe(1);
    // Trees and commits stay loose; the 300 files do not.
    expect(looseOf(h.repo.gitDir)).toBeLessThan(20);

    for (let i = 0; i < 24; i++) {
      fs.writeFileSync(path.join(work, `more${i}.md`), `more ${i}\n`);
      await h.record({ operation: 'test.one', correlationId: `c${i}` });
    }
    expect(packsOf(h.repo.gitDir)).toBeLessThanOrEqual(17);
    const report = await h.verify();
    expect(report).toMatchObject({ ok: true, problems: [], corruptVersions: [] });
    expect(report.objectsChecked).toBeGreaterThanOrEqual(324);
  });

  it('an operation that writes only tool files keeps the personal tree its before-version saw; others walk again', async () => {
    const { work, home, h } = historyFixture();
    const tool = path.join(home, 'tool', 'rules.md');
    fs.mkdirSync(path.dirname(tool), { recursive: true });
    fs.writeFileSync(path.join(work, 'a.md'), 'a\n');
    const op = { operation: 'agent.install', correlationId: 'k1', externalFiles: [tool], personalUnchanged: true };
    await h.beforeChange(op);
    fs.writeFileSync(tool, 'installed\n');
    fs.writeFileSync(path.join(work, 'b.md'), 'b\n'); // a personal edit by someone else meanwhile
    const after = (await h.record(op))!;
    const show = async (v: string, p: string) =>
      (await h.repo.run(['cat-file', '-e', `${v}:${p}`], { okExitCodes: [1, 128] })).exitCode === 0;
    expect(await show(after, 'a.md')).toBe(true);
    expect(await show(after, 'b.md')).toBe(false);
    expect((await h.diff(after)).files.map((f) => f.path)).toContain('b.md');
    // Without the flag (or for another operation) the after-version sees the workspace as it is.
    const op2 = { operation: 'agent.import', correlationId: 'k2' };
    await h.beforeChange(op2);
    fs.writeFileSync(path.join(work, 'c.md'), 'c\n');
    const after2 = (await h.record(op2))!;
    expect(await show(after2, 'b.md')).toBe(true);
    expect(await show(after2, 'c.md')).toBe(true);
  });
});
