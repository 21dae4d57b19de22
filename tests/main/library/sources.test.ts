import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/main/ipc/router';
import { createUpstream, gitSync } from '../../helpers/servers/git-repos';
import { tempDir } from '../../helpers/temp';
import { cli, testRuntime } from '../../helpers/app';
import type { ProgressEvent } from '../../../src/shared/ipc/contract';

const caller = { id: 'test', trusted: true };

async function setup(
  files: Record<string, string> = { 'common/a.md': '# A\n\nline 1\nline 2\nline 3\n', 'common/b.md': '# B\n' },
) {
  const root = tempDir();
  const home = path.join(root, 'home');
  const up = createUpstream(root, files);
  const rt = testRuntime(home);
  unwrap(await rt.router.call(caller, 'workspace:init', {}));
  const call = <C extends Parameters<typeof rt.router.call>[1]>(
    channel: C,
    req: Parameters<typeof rt.router.call<C>>[2],
    correlationId?: string,
  ) => rt.router.call(caller, channel, req, correlationId ? { correlationId } : {}).then(unwrap);
  const dir = path.join(home, 'library', 'team');
  return { root, home, up, rt, call, dir };
}

describe('library sources over file://', () => {
  it('adds a source with progress, lists precedence, and audits it', async () => {
    const { up, rt, call, dir, home } = await setup({ 'common/code-review.md': '# Team review\n' });
    const progress: ProgressEvent[] = [];
    rt.events.on('progress', (p) => progress.push(p));
    const info = await call('sources:add', { name: 'team', url: up.fileUrl });
    expect(info).toMatchObject({
      name: 'team',
      present: true,
      branch: 'main',
      commit: up.head(),
      precedence: 1,
      localChanges: [],
      conflicts: [],
    });
    expect(fs.existsSync(path.join(dir, 'common/code-review.md'))).toBe(true);
    expect(progress.some((p) => p.phase.startsWith('Cloning'))).toBe(true);
    const { entries } = await call('library:tree', {});
    const review = entries.filter((e) => e.path === 'common/code-review.md');
    expect(review.map((e) => [e.source, e.overriddenBy ?? null, e.overrides])).toEqual([
      ['starter', 'team', []],
      ['team', null, ['starter']],
    ]);
    const audit = rt.services.audit.read().filter((r) => r.operation === 'library.add');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8')).sources[1]).toEqual({
      name: 'team',
      kind: 'git',
      url: up.fileUrl,
      branch: 'main',
    });
    // A second add under the same name changes nothing.
    await expect(call('sources:add', { name: 'team', url: up.fileUrl })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
  });

  it('updates with a summary of commits and files, and a per-file diff', async () => {
    const { up, call } = await setup();
    await call('sources:add', { name: 'team', url: up.fileUrl });
    const from = up.head();
    up.commit({ 'common/c.md': '# C\n' }, 'Add C');
    const to = up.commit({ 'common/b.md': '# B2\n', 'common/a.md': null }, 'Change B, drop A');
    const { results } = await call('sources:update', { name: 'team' });
    const r = results[0]!;
    expect(r).toMatchObject({
      source: 'team',
      status: 'updated',
      from,
      to,
      files: { added: ['common/c.md'], modified: ['common/b.md'], deleted: ['common/a.md'] },
    });
    expect(r.commits.map((c) => c.subject)).toEqual(['Change B, drop A', 'Add C']);
    expect(r.commits[0]).toMatchObject({ author: 'Upstream Author', date: expect.stringMatching(/^\d{4}-/) });
    const { diff } = await call('sources:diff', { name: 'team', path: 'common/b.md', from, to });
    expect(diff).toContain('-# B\n+# B2');
    const again = await call('sources:update', { name: 'team' });
    expect(again.results[0]).toMatchObject({ status: 'up-to-date', commits: [] });
  });

  it('keeps local edits: other files untouched, same file merged, overlapping edits reported as conflicts', async () => {
    const { up, call, dir, rt } = await setup();
    await call('sources:add', { name: 'team', url: up.fileUrl });
    // Local: edit a.md line 1, edit b.md, add a new file.
    fs.writeFileSync(path.join(dir, 'common/a.md'), '# A\n\nline 1 mine\nline 2\nline 3\n');
    fs.writeFileSync(path.join(dir, 'common/b.md'), '# B mine\n');
    fs.writeFileSync(path.join(dir, 'common/local.md'), '# Mine only\n');
    // Upstream: edit a.md line 3 (mergeable), b.md (overlapping), add another file.
    up.commit(
      {
        'common/a.md': '# A\n\nline 1\nline 2\nline 3 theirs\n',
        'common/b.md': '# B theirs\n',
        'common/new.md': '# New\n',
      },
      'Upstream edits',
    );
    const { results } = await call('sources:update', { name: 'team' });
    const r = results[0]!;
    expect(r.status).toBe('updated');
    expect(fs.readFileSync(path.join(dir, 'common/a.md'), 'utf8')).toBe('# A\n\nline 1 mine\nline 2\nline 3 theirs\n');
    expect(fs.readFileSync(path.join(dir, 'common/local.md'), 'utf8')).toBe('# Mine only\n');
    expect(fs.readFileSync(path.join(dir, 'common/new.md'), 'utf8')).toBe('# New\n');
    expect(r.conflicts).toEqual(['common/b.md']);
    expect([...r.kept].sort()).toEqual(['common/a.md', 'common/local.md']);
    // Mine stays in place until the user decides; the diff shows theirs -> mine.
    expect(fs.readFileSync(path.join(dir, 'common/b.md'), 'utf8')).toBe('# B mine\n');
    const { diff } = await call('sources:diff', { name: 'team', path: 'common/b.md' });
    expect(diff).toContain('-# B theirs\n+# B mine');
    const [status] = (await call('sources:list', {})).sources.filter((s) => s.name === 'team');
    expect(status!.conflicts.map((c) => c.path)).toEqual(['common/b.md']);
    const after = await call('sources:resolve', { name: 'team', path: 'common/b.md', choice: 'theirs' });
    expect(after.conflicts).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'common/b.md'), 'utf8')).toBe('# B theirs\n');
    // Taking theirs still keeps a copy of mine in the backups.
    const backups = path.join(rt.services.paths.backups, 'sources');
    const copies = fs.readdirSync(backups).filter((n) => n.startsWith('team-mine-'));
    expect(fs.readFileSync(path.join(backups, copies[0]!, 'common/b.md'), 'utf8')).toBe('# B mine\n');
  });

  it('fast-forwards over 100 upstream commits', async () => {
    const { up, call } = await setup();
    await call('sources:add', { name: 'team', url: up.fileUrl });
    up.commitMany(100, (i) => ({ [`common/f${i}.md`]: `# F${i}\n`, 'common/b.md': `# B\n${i}\n` }));
    const { results } = await call('sources:update', { name: 'team' });
    expect(results[0]!.commits).toHaveLength(100);
    expect(results[0]!.files.added).toHaveLength(100);
    expect(results[0]!.to).toBe(up.head());
  });

  it('pins, rolls back and forward, and records every step in the audit trail', async () => {
    const { up, call, rt, dir } = await setup();
    await call('sources:add', { name: 'team', url: up.fileUrl });
    const v1 = up.head();
    up.tag('v1');
    const v2 = up.commit({ 'common/b.md': '# B v2\n' }, 'v2');
    const v3 = up.commit({ 'common/b.md': '# B v3\n' }, 'v3');
    await call('sources:update', { name: 'team' });
    const pinned = await call('sources:pin', { name: 'team', ref: 'v1' });
    expect(pinned).toMatchObject({ from: v3, to: v1 });
    expect(fs.readFileSync(path.join(dir, 'common/b.md'), 'utf8')).toBe('# B\n');
    up.commit({ 'common/b.md': '# B v4\n' }, 'v4');
    const whilePinned = await call('sources:update', { name: 'team' });
    expect(whilePinned.results[0]).toMatchObject({ status: 'up-to-date', to: v1 });
    let [info] = (await call('sources:list', {})).sources.filter((s) => s.name === 'team');
    expect(info).toMatchObject({ pinned: 'v1', commit: v1, canRollback: true, canRollforward: false });
    expect(info!.behind).toBeGreaterThan(0);

    const back = await call('sources:rollback', { name: 'team' });
    expect(back).toMatchObject({ from: v1, to: v3 });
    const fwd = await call('sources:rollforward', { name: 'team' });
    expect(fwd).toMatchObject({ from: v3, to: v1 });
    await expect(call('sources:rollforward', { name: 'team' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await call('sources:unpin', { name: 'team' });
    const upd = await call('sources:update', { name: 'team' });
    expect(upd.results[0]).toMatchObject({ status: 'updated', to: up.head() });
    [info] = (await call('sources:list', {})).sources.filter((s) => s.name === 'team');
    expect(info).toMatchObject({ behind: 0, canRollback: true });
    expect(info!.pinned).toBeUndefined();
    const log = await call('sources:log', { name: 'team' });
    expect(log.entries[0]).toMatchObject({ current: true, subject: 'v4' });
    expect(log.entries.map((e) => e.hash)).toEqual(expect.arrayContaining([v1, v2, v3]));

    const ops = rt.services.audit.read().map((r) => r.operation);
    expect(ops.filter((o) => o === 'library.pin')).toHaveLength(1);
    expect(ops.filter((o) => o === 'library.rollback')).toHaveLength(1);
    expect(ops.filter((o) => o === 'library.rollforward')).toHaveLength(2);
    expect(ops.filter((o) => o === 'library.update').length).toBeGreaterThanOrEqual(3);
  });

  it('offline, update says which version is in use and since when, and changes nothing', async () => {
    const { up, call, dir } = await setup();
    await call('sources:add', { name: 'team', url: up.fileUrl });
    const head = up.head();
    // Nothing listens on port 9 (discard): the fetch fails as a network error, as when offline.
    gitSync(dir, 'remote', 'set-url', 'origin', 'http://127.0.0.1:9/nothing.git');
    await expect(call('sources:update', { name: 'team' })).rejects.toMatchObject({
      code: 'OFFLINE',
      message: expect.stringMatching(new RegExp(`stays at ${head.slice(0, 10)}.*in use since \\d{4}-`)),
    });
    expect(gitSync(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    // Updating everything: the unreachable source is reported, the others still run.
    const up2 = createUpstream(path.join(dir, '..', '..', '..'), { 'y.md': '# Y\n' }, 'second-lib');
    await call('sources:add', { name: 'second', url: up2.fileUrl });
    up2.commit({ 'y.md': '# Y2\n' }, 'Y2');
    const all = await call('sources:update', {});
    expect(all.results.map((r) => [r.source, r.status, r.error?.code ?? null])).toEqual([
      ['starter', 'skipped', null],
      ['team', 'failed', 'OFFLINE'],
      ['second', 'updated', null],
    ]);
    const viaCli = await cli(['library', 'update', '--json'], { AI_CONFIG_HOME: path.join(dir, '..', '..') });
    expect(viaCli.code).toBe(1);
    expect((JSON.parse(viaCli.stdout) as Array<{ status: string }>).map((r) => r.status)).toEqual([
      'skipped',
      'failed',
      'up-to-date',
    ]);
  });

  it('errors carry codes: not found, branch missing, bad ref, credentials in URL', async () => {
    const { up, call, root, home } = await setup();
    const before = fs.readFileSync(path.join(home, 'settings.json'), 'utf8');
    await expect(call('sources:add', { name: 'x', url: `file://${root}/nope.git` })).rejects.toMatchObject({
      code: 'REPO_NOT_FOUND',
    });
    await expect(call('sources:add', { name: 'y', url: up.fileUrl, branch: 'nope' })).rejects.toMatchObject({
      code: 'BRANCH_MISSING',
    });
    await expect(
      call('sources:add', { name: 'z', url: 'https://user:secret@example.com/x.git' }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(fs.readFileSync(path.join(home, 'settings.json'), 'utf8')).toBe(before);
    expect(fs.readdirSync(path.join(home, 'library'))).toEqual(['starter']);
    await call('sources:add', { name: 'team', url: up.fileUrl });
    await expect(call('sources:pin', { name: 'team', ref: 'no-such-tag' })).rejects.toMatchObject({
      code: 'BRANCH_MISSING',
    });
  });

  it('init --library clones through the sources service and records the first version', async () => {
    const root = tempDir();
    const up = createUpstream(root, { 'common/x.md': '# X\n' });
    const home = path.join(root, 'home');
    const rt = testRuntime(home);
    unwrap(await rt.router.call(caller, 'workspace:init', { library: up.fileUrl }));
    const { sources } = unwrap(await rt.router.call(caller, 'sources:list', {}));
    expect(sources.map((s) => s.name)).toEqual(['team-lib']);
    expect(fs.existsSync(path.join(home, 'state', 'sources', 'team-lib.json'))).toBe(true);
  });
});
