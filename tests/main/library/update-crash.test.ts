import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/main/ipc/router';
import { leftoverMoveBackups, pendingMoves } from '../../../src/main/library/update-journal';
import { FAILPOINT_ENV } from '../../../src/main/failpoints';
import { runCli, runCrashTrials, type CrashScenario } from '../../helpers/crash-harness';
import { bundledCli } from '../../helpers/cli-bundle';
import { createUpstream, gitSync } from '../../helpers/servers/git-repos';
import { testContext, testRuntime, testServices } from '../../helpers/app';
import { snapshotTree, tempDir } from '../../helpers/temp';

const caller = { id: 'test', trusted: true };
const EDITED = 30;
const DELETED = 5;
const ADDED = 5;

/** The clone's files (not .git), for old/new comparisons. */
const cloneFiles = (home: string) =>
  snapshotTree(path.join(home, 'library', 'team'), (rel) => rel === '.git' || rel.startsWith('.git/'));

/** 40 local edits: 30 files changed, 5 deleted, 5 new (none of them touched upstream). */
function editLocally(home: string): void {
  const dir = path.join(home, 'library', 'team');
  for (let i = 0; i < EDITED; i++) fs.appendFileSync(path.join(dir, 'rules', `r-${i}.md`), `My note ${i}.\n`);
  for (let i = EDITED; i < EDITED + DELETED; i++) fs.rmSync(path.join(dir, 'rules', `r-${i}.md`));
  fs.mkdirSync(path.join(dir, 'mine'), { recursive: true });
  for (let i = 0; i < ADDED; i++) fs.writeFileSync(path.join(dir, 'mine', `m-${i}.md`), `# Mine ${i}\n`);
}

interface MoveStates {
  readonly old: Record<string, string>;
  readonly next: Record<string, string>;
  readonly first: string;
}

/** A home with the source "team" cloned at upstream's first commit; upstream has a second one (10 changed, 5 new). */
async function prepareSource(home: string, atSecond: boolean): Promise<{ first: string }> {
  const up = createUpstream(tempDir('aicfg-crash-up-'), {
    ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`rules/r-${i}.md`, `# Rule ${i}\n\nKeep it.\n`])),
  });
  const first = up.head();
  const rt = testRuntime(home);
  const call = <C extends Parameters<typeof rt.router.call>[1]>(c: C, req: Parameters<typeof rt.router.call<C>>[2]) =>
    rt.router.call(caller, c, req).then(unwrap);
  await call('workspace:init', {});
  await call('sources:add', { name: 'team', url: up.fileUrl });
  const changes: Record<string, string | null> = {};
  for (let i = 40; i < 50; i++) changes[`rules/r-${i}.md`] = `# Rule ${i}\n\nChanged upstream.\n`;
  for (let i = 0; i < 5; i++) changes[`new/n-${i}.md`] = `# New ${i}\n`;
  changes['rules/r-59.md'] = null;
  up.commit(changes, 'Second');
  if (atSecond) await call('sources:update', { name: 'team' });
  editLocally(home);
  return { first };
}

/** What a scenario's operation leads to, computed in-process on a copy at the same paths. */
async function nextState(home: string, op: (home: string) => Promise<unknown>): Promise<Record<string, string>> {
  const calc = tempDir('aicfg-crash-calc-');
  fs.cpSync(home, calc, { recursive: true, verbatimSymlinks: true });
  await op(calc);
  return cloneFiles(calc);
}

/** The next command after the kill: `ai-config status` (its start-up recovery puts any interrupted move back). */
async function nextCommand(home: string): Promise<void> {
  const r = await runCli(await bundledCli(), home, ['status']);
  if (r.code !== 0) throw new Error(`ai-config status failed after the kill: ${r.stderr}`);
}

async function checkMove(st: MoveStates, home: string): Promise<'old' | 'new'> {
  const v = await testServices(home).history.verify();
  if (!v.ok) throw new Error(`history damaged: ${v.problems.join('; ')}`);
  if (pendingMoves(path.join(home, 'state')).length)
    throw new Error('the journal is still there after the next command');
  const now = cloneFiles(home);
  const want = JSON.stringify(now) === JSON.stringify(st.next) ? st.next : st.old;
  const lost = Object.keys({ ...now, ...want }).filter((k) => now[k] !== want[k]);
  if (lost.length) throw new Error(`the clone is neither before nor after the move: ${lost.slice(0, 5).join(', ')}`);
  const dir = path.join(home, 'library', 'team');
  for (let i = 0; i < EDITED; i++)
    if (!fs.readFileSync(path.join(dir, 'rules', `r-${i}.md`), 'utf8').includes(`My note ${i}.`))
      throw new Error(`the local edit of rules/r-${i}.md is gone`);
  return want === st.next ? 'new' : 'old';
}

const via = (home: string) => testRuntime(home).router;

const update: CrashScenario<MoveStates> = {
  name: 'library update with 40 local edits',
  async prepare(home) {
    const { first } = await prepareSource(home, false);
    const next = await nextState(home, async (h) =>
      unwrap(await via(h).call(caller, 'sources:update', { name: 'team' })),
    );
    return { old: cloneFiles(home), next, first };
  },
  args: () => ['library', 'update', 'team'],
  recover: nextCommand,
  check: checkMove,
};

const rollback: CrashScenario<MoveStates> = {
  name: 'library rollback with 40 local edits',
  async prepare(home) {
    const { first } = await prepareSource(home, true);
    const next = await nextState(home, async (h) =>
      unwrap(await via(h).call(caller, 'sources:rollback', { name: 'team' })),
    );
    return { old: cloneFiles(home), next, first };
  },
  args: () => ['library', 'rollback', 'team'],
  recover: nextCommand,
  check: checkMove,
};

const pin: CrashScenario<MoveStates> = {
  name: 'library pin with 40 local edits',
  async prepare(home) {
    const { first } = await prepareSource(home, true);
    const next = await nextState(home, async (h) =>
      unwrap(await via(h).call(caller, 'sources:pin', { name: 'team', ref: first })),
    );
    return { old: cloneFiles(home), next, first };
  },
  args: (st) => ['library', 'pin', 'team', st.first],
  recover: nextCommand,
  check: checkMove,
};

describe('library update, rollback and pin with local edits (SIGKILL at every failpoint)', () => {
  for (const scenario of [update, rollback, pin] as const) {
    it(`${scenario.name}: every edit present after the next command, wholly old or wholly new`, async () => {
      const report = await runCrashTrials(scenario as CrashScenario<unknown>);
      expect(report.failures).toEqual([]);
      expect(report.held).toBe(report.failpoints);
      expect(report.failpoints).toBeGreaterThan(0);
    }, 600_000);
  }

  it('treats an edited path that upstream turned into a symlink as a conflict, writing nothing through it', async () => {
    const root = tempDir('aicfg-symlink-');
    const home = path.join(root, 'home');
    const up = createUpstream(root, { 'rules/a.md': '# A\n', 'rules/b.md': '# B\n' });
    const rt = testRuntime(home);
    const call = <C extends Parameters<typeof rt.router.call>[1]>(c: C, req: Parameters<typeof rt.router.call<C>>[2]) =>
      rt.router.call(caller, c, req).then(unwrap);
    await call('workspace:init', {});
    await call('sources:add', { name: 'team', url: up.fileUrl });
    const outside = path.join(root, 'outside.txt');
    fs.writeFileSync(outside, 'keep me\n');
    fs.rmSync(path.join(up.work, 'rules', 'a.md'));
    fs.symlinkSync(outside, path.join(up.work, 'rules', 'a.md'));
    up.commit({}, 'a.md is a symlink now');
    const dir = path.join(home, 'library', 'team');
    fs.writeFileSync(path.join(dir, 'rules', 'a.md'), '# A\n\nMine.\n');
    const { results } = await call('sources:update', { name: 'team' });
    expect(results[0]!.conflicts).toContain('rules/a.md');
    expect(fs.readFileSync(outside, 'utf8')).toBe('keep me\n');
    const kept = fs
      .readdirSync(path.join(home, 'state', 'backups', 'sources'))
      .filter((n) => n.startsWith('team-mine-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(home, 'state', 'backups', 'sources', kept[0]!, 'rules', 'a.md'), 'utf8')).toBe(
      '# A\n\nMine.\n',
    );
    expect(pendingMoves(path.join(home, 'state'))).toHaveLength(0);
  });

  it('reports a leftover journal in health and puts the edits back with doctor --fix; a leftover backup too', async () => {
    const home = tempDir('aicfg-crash-health-');
    await prepareSource(home, false);
    const old = cloneFiles(home);
    const cli = await bundledCli();
    const copy = tempDir('aicfg-crash-health2-');
    fs.cpSync(home, copy, { recursive: true, verbatimSymlinks: true });

    // Killed right after the clone was reset: the journal names the backup.
    const killed = await runCli(cli, home, ['library', 'update', 'team'], {
      [FAILPOINT_ENV]: 'git:after:move to version',
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(pendingMoves(path.join(home, 'state'))).toHaveLength(1);
    const services = testServices(home);
    const report = await services.health.check({ only: ['library-moves'] }, testContext());
    expect(report.checks[0]).toMatchObject({ status: 'warn', fix: { id: 'finish-library-moves' } });
    expect(report.checks[0]!.explanation).toContain('team');
    const fixed = await runCli(cli, home, ['doctor', '--fix']);
    expect(fixed.stderr).not.toContain('error:');
    expect(pendingMoves(path.join(home, 'state'))).toHaveLength(0);
    expect(cloneFiles(home)).toEqual(old);

    // Killed after the journal was cleared: only the backup is left, reported, and removed by the repair.
    const late = await runCli(cli, copy, ['library', 'update', 'team'], { [FAILPOINT_ENV]: 'update-journal:cleared' });
    expect(late.signal).toBe('SIGKILL');
    expect(leftoverMoveBackups(path.join(copy, 'state'), path.join(copy, 'state', 'backups'))).toHaveLength(1);
    const again = await testServices(copy).health.check({ only: ['library-moves'] }, testContext());
    expect(again.checks[0]).toMatchObject({ status: 'warn', fix: { id: 'finish-library-moves' } });
    await runCli(cli, copy, ['doctor', '--fix']);
    expect(leftoverMoveBackups(path.join(copy, 'state'), path.join(copy, 'state', 'backups'))).toHaveLength(0);
    expect(
      gitSync(path.join(copy, 'library', 'team'), 'status', '--porcelain', '--untracked-files=all')
        .split('\n')
        .filter(Boolean),
    ).toHaveLength(40);
  }, 300_000);
});
