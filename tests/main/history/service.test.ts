import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFixture } from '../../helpers/history';
import { snapshotTree } from '../../helpers/temp';
import { testContext } from '../../helpers/app';

const setup = historyFixture;

describe('history service', () => {
  it('versions changes before and after an operation, lists, diffs and rolls back a file', async () => {
    const { work, h } = setup();
    fs.writeFileSync(path.join(work, 'a.md'), 'one\n');
    const v1 = await h.beforeChange({ operation: 'test.edit', correlationId: 'c1' });
    expect(v1).toMatch(/^[0-9a-f]{40}$/);
    fs.writeFileSync(path.join(work, 'a.md'), 'two\n');
    fs.mkdirSync(path.join(work, 'dir sub'));
    fs.writeFileSync(path.join(work, 'dir sub', 'ü.md'), 'x');
    const v2 = await h.record({ operation: 'test.edit', correlationId: 'c1' });
    expect(v2).not.toBe(v1);
    // Unchanged state makes no new version.
    expect(await h.record({ operation: 'test.edit', correlationId: 'c1' })).toBe(v2);

    const list = await h.list();
    expect(list.map((v) => v.id)).toEqual([v2, v1]);
    expect(list[0]).toMatchObject({ operation: 'test.edit', correlationId: 'c1', phase: 'after' });
    expect(list[0]!.files).toEqual(
      expect.arrayContaining([
        { status: 'modified', path: 'a.md' },
        { status: 'added', path: 'dir sub/ü.md' },
      ]),
    );
    expect((await h.list({ path: 'dir sub/ü.md' })).map((v) => v.id)).toEqual([v2]);

    const d = await h.diff(v1!, v2!, 'a.md');
    expect(d.files).toEqual([
      expect.objectContaining({ path: 'a.md', status: 'modified', before: 'one\n', after: 'two\n' }),
    ]);
    expect(d.patch).toContain('-one');

    const dry = await h.rollback({ version: v1!, path: 'a.md', dryRun: true }, testContext());
    expect(dry.changes).toEqual([{ path: 'a.md', action: 'write' }]);
    expect(fs.readFileSync(path.join(work, 'a.md'), 'utf8')).toBe('two\n');

    const r = await h.rollback({ version: v1!, path: 'a.md' }, testContext('undo-1'));
    expect(fs.readFileSync(path.join(work, 'a.md'), 'utf8')).toBe('one\n');
    expect(fs.existsSync(path.join(work, 'dir sub', 'ü.md'))).toBe(true);
    expect(r.after).toBeDefined();
    // The rollback is a version itself, and can be undone.
    const top = (await h.list())[0]!;
    expect(top).toMatchObject({
      id: r.after,
      operation: 'history.rollback',
      phase: 'rollback',
      correlationId: 'undo-1',
    });
    await h.rollback({ version: r.before! }, testContext());
    expect(fs.readFileSync(path.join(work, 'a.md'), 'utf8')).toBe('two\n');
  });

  it('rolls back everything, deleting files added later, and versions tool files outside the workspace', async () => {
    const { home, work, h } = setup();
    const tool = path.join(home, 'tool', '.claude.json');
    fs.writeFileSync(path.join(work, 'keep.md'), 'k');
    const v1 = await h.beforeChange({ operation: 'agent.install', correlationId: 'c', externalFiles: [tool] });
    const before = snapshotTree(work);
    fs.mkdirSync(path.dirname(tool), { recursive: true });
    fs.writeFileSync(tool, '{"a":1}');
    fs.writeFileSync(path.join(work, 'new.md'), 'n');
    const v2 = await h.record({ operation: 'agent.install', correlationId: 'c', externalFiles: [tool] });
    expect((await h.list())[0]!.files).toEqual(expect.arrayContaining([{ status: 'added', path: tool }]));
    expect((await h.list({ path: tool })).map((v) => v.id)).toEqual([v2]);

    fs.writeFileSync(tool, '{"a":2}');
    await h.snapshot({ operation: 'watch', correlationId: 'w', phase: 'watch' });
    await h.rollback({ version: v2!, path: tool }, testContext());
    expect(fs.readFileSync(tool, 'utf8')).toBe('{"a":1}');

    const plan = await h.rollback({ version: v1!, dryRun: true }, testContext());
    expect(plan.changes).toEqual(
      expect.arrayContaining([
        { path: 'new.md', action: 'delete' },
        { path: tool, action: 'delete' },
      ]),
    );
    await h.rollback({ version: v1! }, testContext());
    expect(snapshotTree(work)).toEqual(before);
    expect(fs.existsSync(tool)).toBe(false);
    expect(fs.existsSync(path.join(work, '.git'))).toBe(false);
  });

  it('refuses an unknown version with NOT_FOUND', async () => {
    const { h } = setup();
    await h.snapshot({ operation: 'x', correlationId: 'c', phase: 'manual' });
    await expect(h.rollback({ version: 'deadbeef' }, testContext())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
