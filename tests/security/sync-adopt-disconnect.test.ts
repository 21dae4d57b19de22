import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DisconnectJournal } from '../../src/main/sync/disconnect-journal';
import { listFiles } from '../../src/main/sync/files';
import { skipProviderFiles } from '../../src/main/sync/move';
import { cli } from '../helpers/app';
import { snapshotTree, tempDir } from '../helpers/temp';

/** The error value the CLI prints with --json (`{ ok: false, error }`), or undefined on success. */
function errorOf(r: { stdout: string; stderr: string }) {
  const v = JSON.parse(r.stdout || r.stderr) as { ok?: boolean; error?: { code: string; details?: unknown } };
  return v.ok === false ? v.error : undefined;
}

/** A home with an initialised workspace, and a shared folder that already holds a sync tool's files and others'. */
async function homeAndBusyFolder() {
  const home = tempDir();
  const env = { AI_CONFIG_HOME: home };
  expect((await cli(['init'], env)).code).toBe(0);
  fs.writeFileSync(path.join(home, 'personal', 'knowledge', 'note.md'), 'my note\n');
  const shared = path.join(tempDir(), 'Sync', 'ai');
  fs.mkdirSync(path.join(shared, '.stfolder'), { recursive: true });
  fs.mkdirSync(path.join(shared, '.stversions', 'knowledge'), { recursive: true });
  fs.writeFileSync(path.join(shared, '.stversions', 'knowledge', 'note~20261130-101010.md'), 'old\n');
  fs.writeFileSync(path.join(shared, '.sync_4f2a.db'), 'nextcloud journal');
  fs.mkdirSync(path.join(shared, '.dropbox.cache'));
  fs.writeFileSync(path.join(shared, '.dropbox.cache', 'blob'), 'x');
  fs.mkdirSync(path.join(shared, 'team'));
  fs.writeFileSync(path.join(shared, 'team', 'plan.md'), 'the team plan\n');
  fs.writeFileSync(path.join(shared, 'README.txt'), 'not yours\n');
  return { home, env, shared };
}

const TOOL_FILES = ['.dropbox.cache/blob', '.stversions/knowledge/note~20261130-101010.md', '.sync_4f2a.db'] as const;

function setupArgs(shared: string, ...extra: string[]) {
  return ['sync', 'setup', '--provider', 'folder', '--path', shared, ...extra, '--json'];
}

describe('sync setup into a folder that is not empty', () => {
  it('without --adopt-existing: ALREADY_EXISTS naming what is there, and nothing changes', async () => {
    const { home, env, shared } = await homeAndBusyFolder();
    const before = { home: snapshotTree(home, (r) => r.startsWith('state/')), shared: snapshotTree(shared) };
    const r = await cli(setupArgs(shared), env);
    expect(r.code).toBe(1);
    const e = errorOf(r);
    expect(e?.code).toBe('ALREADY_EXISTS');
    expect(e?.details).toMatchObject({ folderNotEmpty: true, files: ['README.txt', 'team/plan.md'] });
    expect(snapshotTree(home, (x) => x.startsWith('state/'))).toEqual(before.home);
    expect(fs.existsSync(path.join(home, 'state', 'sync.json'))).toBe(false);
    expect(snapshotTree(shared)).toEqual(before.shared);
  });

  it('a folder holding only the sync tool files counts as empty', async () => {
    const home = tempDir();
    const env = { AI_CONFIG_HOME: home };
    expect((await cli(['init'], env)).code).toBe(0);
    const shared = tempDir();
    fs.mkdirSync(path.join(shared, '.stfolder'));
    expect((await cli(setupArgs(shared), env)).code).toBe(0);
  });

  it('with --adopt-existing: moves in, records the files that were there', async () => {
    const { home, env, shared } = await homeAndBusyFolder();
    const r = await cli(setupArgs(shared, '--adopt-existing'), env);
    expect(r.code).toBe(0);
    const state = JSON.parse(fs.readFileSync(path.join(home, 'state', 'sync.json'), 'utf8'));
    expect(state).toMatchObject({ preExisting: ['README.txt', 'team/plan.md'], createdDir: false });
    expect(state.preExistingDirs).toEqual(['team']);
    expect(fs.readFileSync(path.join(shared, 'knowledge', 'note.md'), 'utf8')).toBe('my note\n');
  });
});

describe('sync disconnect --remove-shared-copy', () => {
  it("removes only the workspace files it copied back: the sync tool's folders and adopted files stay", async () => {
    const { home, env, shared } = await homeAndBusyFolder();
    expect((await cli(setupArgs(shared, '--adopt-existing'), env)).code).toBe(0);
    const ours = listFiles(shared, skipProviderFiles).filter((f) => f !== 'README.txt' && f !== 'team/plan.md');
    expect(ours).toContain('knowledge/note.md');
    const r = await cli(['sync', 'disconnect', '--remove-shared-copy', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ removedSharedCopy: true, personalDir: path.join(home, 'personal') });
    for (const f of ours) expect(fs.existsSync(path.join(shared, f))).toBe(false);
    for (const f of TOOL_FILES) expect(fs.existsSync(path.join(shared, f))).toBe(true);
    expect(fs.statSync(path.join(shared, '.stfolder')).isDirectory()).toBe(true);
    expect(fs.readFileSync(path.join(shared, 'team', 'plan.md'), 'utf8')).toBe('the team plan\n');
    expect(fs.readFileSync(path.join(shared, 'README.txt'), 'utf8')).toBe('not yours\n');
    expect(fs.existsSync(path.join(shared, 'knowledge'))).toBe(false);
    // Back home: the workspace, the adopted files with it, none of the sync tool's files.
    const local = path.join(home, 'personal');
    expect(fs.readFileSync(path.join(local, 'knowledge', 'note.md'), 'utf8')).toBe('my note\n');
    expect(fs.readFileSync(path.join(local, 'team', 'plan.md'), 'utf8')).toBe('the team plan\n');
    expect(fs.existsSync(path.join(local, '.stfolder'))).toBe(false);
    expect(fs.existsSync(path.join(local, '.sync_4f2a.db'))).toBe(false);
  });

  it('a link in the shared copy is never removed or followed', async () => {
    const { env, shared } = await homeAndBusyFolder();
    expect((await cli(setupArgs(shared, '--adopt-existing'), env)).code).toBe(0);
    const victim = path.join(tempDir(), 'victim.md');
    fs.writeFileSync(victim, 'victim\n');
    fs.symlinkSync(victim, path.join(shared, 'knowledge', 'link.md'));
    expect((await cli(['sync', 'disconnect', '--remove-shared-copy', '--json'], env)).code).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('victim\n');
    expect(fs.lstatSync(path.join(shared, 'knowledge', 'link.md')).isSymbolicLink()).toBe(true);
  });
});

/** Writes state/sync-disconnect.json as a run killed in `phase` leaves it. */
function killedJournal(home: string, shared: string, phase: DisconnectJournal['phase'], copy: string[]) {
  const state = JSON.parse(fs.readFileSync(path.join(home, 'state', 'sync.json'), 'utf8'));
  const journal: DisconnectJournal = {
    version: 1,
    phase,
    shared,
    back: path.join(home, 'personal'),
    backExisted: false,
    copy,
    removeSharedCopy: true,
    unshared: false,
    state,
  };
  fs.writeFileSync(path.join(home, 'state', 'sync-disconnect.json'), JSON.stringify(journal));
}

/** Points settings back at the default workspace, as the switch step does. */
function switchSettingsBack(home: string) {
  const file = path.join(home, 'settings.json');
  const { personalDir: _shared, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify(rest));
}

describe('a killed sync disconnect is completed by the next one', () => {
  it('killed while copying back (a half-written file): the next run redoes the copy and finishes', async () => {
    const { home, env, shared } = await homeAndBusyFolder();
    expect((await cli(setupArgs(shared, '--adopt-existing'), env)).code).toBe(0);
    const files = listFiles(shared, skipProviderFiles);
    const local = path.join(home, 'personal');
    fs.mkdirSync(path.join(local, 'knowledge'), { recursive: true });
    fs.writeFileSync(path.join(local, 'knowledge', 'note.md'), 'my n');
    killedJournal(home, shared, 'copying', files);

    const r = await cli(['sync', 'disconnect', '--json'], env);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(local, 'knowledge', 'note.md'), 'utf8')).toBe('my note\n');
    expect(fs.existsSync(path.join(home, 'state', 'sync-disconnect.json'))).toBe(false);
    expect(fs.existsSync(path.join(home, 'state', 'sync.json'))).toBe(false);
    expect(fs.existsSync(path.join(shared, 'knowledge', 'note.md'))).toBe(false);
    expect(fs.existsSync(path.join(shared, '.stfolder'))).toBe(true);
    expect(fs.existsSync(path.join(shared, 'README.txt'))).toBe(true);
    const status = JSON.parse((await cli(['sync', 'status', '--json'], env)).stdout);
    expect(status).toMatchObject({ connected: false, personalDir: local });
  });

  it('killed after the switch: the next run forgets the sync state and removes the shared files', async () => {
    const { home, env, shared } = await homeAndBusyFolder();
    expect((await cli(setupArgs(shared, '--adopt-existing'), env)).code).toBe(0);
    const local = path.join(home, 'personal');
    fs.cpSync(shared, local, { recursive: true, filter: (src) => !skipProviderFiles(path.basename(src)) });
    switchSettingsBack(home);
    killedJournal(home, shared, 'copied', []);
    // Now settings say the workspace is home again, so a fresh run would not know the shared folder: the journal does.
    const r = await cli(['sync', 'disconnect', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ sharedDir: shared, removedSharedCopy: true });
    expect(fs.existsSync(path.join(shared, 'knowledge', 'note.md'))).toBe(false);
    expect(fs.existsSync(path.join(shared, '.stversions'))).toBe(true);
    expect(fs.readFileSync(path.join(local, 'knowledge', 'note.md'), 'utf8')).toBe('my note\n');
    expect(fs.existsSync(path.join(home, 'state', 'sync-disconnect.json'))).toBe(false);
    expect(errorOf(await cli(['sync', 'disconnect', '--json'], env))?.code).toBe('NOT_FOUND');
  });

  it('doctor reports the interrupted disconnect and doctor --fix completes it', async () => {
    const { home, env, shared } = await homeAndBusyFolder();
    expect((await cli(setupArgs(shared, '--adopt-existing'), env)).code).toBe(0);
    const local = path.join(home, 'personal');
    fs.cpSync(shared, local, { recursive: true, filter: (src) => !skipProviderFiles(path.basename(src)) });
    switchSettingsBack(home);
    killedJournal(home, shared, 'switched', []);
    const doctor = await cli(['doctor', '--json'], env);
    expect(doctor.stdout).toContain('finish-sync-disconnect');
    await cli(['doctor', '--fix', '--json'], env);
    expect(fs.existsSync(path.join(home, 'state', 'sync-disconnect.json'))).toBe(false);
    expect(fs.existsSync(path.join(home, 'state', 'sync.json'))).toBe(false);
    expect(fs.existsSync(path.join(shared, 'knowledge', 'note.md'))).toBe(false);
    expect(fs.existsSync(path.join(shared, '.stfolder'))).toBe(true);
    expect(fs.readFileSync(path.join(shared, 'README.txt'), 'utf8')).toBe('not yours\n');
  });
});
