import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import type { ChangeOperation, History } from '../../../src/main/history/api';
import { createSyncService, type SyncServiceOptions } from '../../../src/main/sync/service';
import { loadSettings } from '../../../src/main/workspace/settings';
import { cli, testContext, testServices } from '../../helpers/app';
import { snapshotTree, tempDir } from '../../helpers/temp';

/** A history that records the calls, in order, so tests can check the seam is used around each change. */
function recordingHistory(calls: string[]): History {
  return {
    beforeChange: async (op: ChangeOperation) => (calls.push(`before ${op.operation}`), 'v1'),
    record: async (op: ChangeOperation) => (calls.push(`record ${op.operation}`), 'v2'),
  };
}

async function workspace(extra: Partial<SyncServiceOptions> = {}) {
  const home = tempDir();
  const services = testServices(home);
  await services.init({}, testContext());
  const calls: string[] = [];
  // The test builds its own sync service (with a recording history); the one inside services stays quiet.
  services.sync.stop();
  const sync = createSyncService({
    paths: services.paths,
    requireSettings: services.requireSettings,
    personalDir: services.personalDir,
    history: recordingHistory(calls),
    audit: services.audit,
    events: services.events,
    logger: services.logger,
    platform: { env: {}, homedir: home, platform: 'linux' },
    ...extra,
  });
  fs.writeFileSync(path.join(services.personalDir(), 'knowledge', 'mine.md'), '# mine\n');
  return { home, services, sync, calls };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('sync setup and disconnect with a plain folder (CLI)', () => {
  it('moves the workspace, verifies it, and moves it back on disconnect', async () => {
    const home = tempDir();
    const env = { AI_CONFIG_HOME: home };
    expect((await cli(['init'], env)).code).toBe(0);
    const old = path.join(home, 'personal');
    fs.writeFileSync(path.join(old, 'knowledge', 'note.md'), 'hello\n');
    const shared = path.join(tempDir(), 'share', 'ai');

    const setup = await cli(['sync', 'setup', '--provider', 'folder', '--path', shared, '--json'], env);
    expect(setup.code).toBe(0);
    const r = JSON.parse(setup.stdout) as { personalDir: string; movedFiles: number; verify: { kind: string } };
    expect(r).toMatchObject({ personalDir: shared, movedFiles: 2, verify: { kind: 'local' } });
    expect(fs.readFileSync(path.join(shared, 'knowledge', 'note.md'), 'utf8')).toBe('hello\n');
    expect(fs.existsSync(path.join(shared, 'agents'))).toBe(true);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.readdirSync(shared).some((n) => n.startsWith('.ai-config-probe'))).toBe(false);
    expect(loadSettings(path.join(home, 'settings.json'))?.personalDir).toBe(shared);

    const status = JSON.parse((await cli(['sync', 'status', '--json'], env)).stdout) as {
      connected: boolean;
      provider: string;
    };
    expect(status).toMatchObject({ connected: true, provider: 'folder' });
    const detected = JSON.parse((await cli(['sync', 'detect', '--json'], env)).stdout) as { provider: string }[];
    expect(detected.map((p) => p.provider)).toEqual(['syncthing', 'nextcloud', 'dropbox', 'folder']);
    expect((await cli(['sync', 'status'], env)).stdout).toContain(`Personal workspace: ${shared}`);
    const again = await cli(['sync', 'setup', '--provider', 'folder', '--path', tempDir()], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already synced');

    const back = await cli(['sync', 'disconnect', '--json'], env);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ personalDir: old, removedSharedCopy: false });
    expect(fs.readFileSync(path.join(old, 'knowledge', 'note.md'), 'utf8')).toBe('hello\n');
    expect(fs.existsSync(path.join(shared, 'knowledge', 'note.md'))).toBe(true);
    expect(loadSettings(path.join(home, 'settings.json'))?.personalDir).toBeUndefined();
    const audit = fs
      .readFileSync(path.join(home, 'state', 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { operation: string; result: string });
    expect(audit.filter((a) => a.operation.startsWith('sync.')).map((a) => `${a.operation} ${a.result}`)).toEqual([
      'sync.setup ok',
      'sync.disconnect ok',
    ]);
  });

  it('usage errors exit 2; bad input exits 1 and changes nothing', async () => {
    const home = tempDir();
    const env = { AI_CONFIG_HOME: home };
    await cli(['init'], env);
    const before = snapshotTree(home, (rel) => rel.startsWith('state/logs'));
    expect((await cli(['sync', 'setup', '--provider', 'ftp'], env)).code).toBe(2);
    expect((await cli(['sync', 'resolve', 'x.md', '--keep', 'both'], env)).code).toBe(2);
    const rel = await cli(['sync', 'setup', '--provider', 'folder', '--path', 'relative/dir', '--json'], env);
    expect(rel.code).toBe(1);
    expect(JSON.parse(rel.stdout).error.code).toBe('INVALID_REQUEST');
    expect((await cli(['sync', 'setup', '--provider', 'folder'], env)).stderr).toContain('needs a path');
    expect((await cli(['sync', 'disconnect'], env)).stderr).toContain('not in a sync folder');
    expect(snapshotTree(home, (r) => r.startsWith('state/logs') || r === 'state/audit.jsonl')).toEqual(
      Object.fromEntries(Object.entries(before).filter(([k]) => k !== 'state/audit.jsonl')),
    );
    expect((await cli(['sync', '--help'], env)).stdout).toContain('conflicts');
  });
});

describe('moving the workspace safely', () => {
  it('a copy that does not match its hash leaves the old workspace and settings untouched', async () => {
    const { services, sync, home, calls } = await workspace({
      copyFile: (src, dest) => fs.writeFileSync(dest, src.endsWith('mine.md') ? 'corrupted' : fs.readFileSync(src)),
    });
    const before = snapshotTree(services.personalDir());
    const settingsBefore = fs.readFileSync(services.paths.settings, 'utf8');
    const target = path.join(tempDir(), 'shared');
    const e = await failure(sync.setup({ provider: 'folder', path: target }, testContext()));
    expect(e.code).toBe('INVALID_FILE');
    expect(e.message).toContain('knowledge/mine.md');
    expect(snapshotTree(path.join(home, 'personal'))).toEqual(before);
    expect(fs.readFileSync(services.paths.settings, 'utf8')).toBe(settingsBefore);
    expect(fs.existsSync(target)).toBe(false);
    expect(calls).toEqual(['before sync.setup']);
    expect(services.audit.read().at(-1)).toMatchObject({
      operation: 'sync.setup',
      result: 'failed',
      error: { code: 'INVALID_FILE' },
    });
  });

  it('refuses a folder holding different versions of the same files, and one inside the workspace', async () => {
    const { services, sync } = await workspace();
    const target = tempDir();
    fs.mkdirSync(path.join(target, 'knowledge'));
    fs.writeFileSync(path.join(target, 'knowledge', 'mine.md'), 'theirs\n');
    const e = await failure(sync.setup({ provider: 'folder', path: target }, testContext()));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('knowledge/mine.md');
    expect(fs.readFileSync(path.join(target, 'knowledge', 'mine.md'), 'utf8')).toBe('theirs\n');
    expect(
      (await failure(sync.setup({ provider: 'folder', path: path.join(services.personalDir(), 'sub') }, testContext())))
        .code,
    ).toBe('INVALID_REQUEST');
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    expect((await failure(sync.setup({ provider: 'folder', path: file }, testContext()))).message).toContain(
      'is a file',
    );
  });

  it('Nextcloud: the folder must be inside a synced folder; the ignore list is written', async () => {
    const home = tempDir();
    const cloud = path.join(home, 'Nextcloud');
    fs.mkdirSync(path.join(home, '.config', 'Nextcloud'), { recursive: true });
    fs.writeFileSync(
      path.join(home, '.config', 'Nextcloud', 'nextcloud.cfg'),
      `[Accounts]\n0\\Folders\\1\\localPath=${cloud}/\n0\\dav_user=alice\n`,
    );
    const { sync, calls } = await workspace({ platform: { env: {}, homedir: home, platform: 'linux' } });
    expect(
      (await failure(sync.setup({ provider: 'nextcloud', path: path.join(home, 'elsewhere') }, testContext()))).message,
    ).toContain('not inside a folder Nextcloud syncs');
    const r = await sync.setup({ provider: 'nextcloud' }, testContext());
    expect(r.personalDir).toBe(path.join(cloud, 'AI Configurator'));
    expect(fs.readFileSync(path.join(cloud, 'AI Configurator', '.sync-exclude.lst'), 'utf8')).toContain('*.tmp');
    expect(calls).toEqual(['before sync.setup', 'record sync.setup']);
    expect((await failure(sync.setup({ provider: 'dropbox' }, testContext()))).code).toBe('ALREADY_EXISTS');
  });
});

describe('Syncthing not running', () => {
  it('setup fails with OFFLINE and changes nothing; the key stays out of the error', async () => {
    const { services, sync, home } = await workspace();
    const cfg = path.join(home, 'st', 'config.xml');
    fs.mkdirSync(path.dirname(cfg));
    fs.writeFileSync(
      cfg,
      '<configuration><gui enabled="true" tls="false"><address>127.0.0.1:1</address><apikey>offlineKey123456</apikey></gui></configuration>',
    );
    const before = snapshotTree(services.personalDir());
    const e = await failure(
      sync.setup({ provider: 'syncthing', path: path.join(home, 'shared'), syncthingConfig: cfg }, testContext()),
    );
    expect(e.code).toBe('OFFLINE');
    expect(e.message).toContain(cfg);
    expect(JSON.stringify(e.toValue())).not.toContain('offlineKey123456');
    expect(snapshotTree(services.personalDir())).toEqual(before);
    expect(fs.existsSync(path.join(home, 'shared'))).toBe(false);
  });
});

describe('resolving conflicts', () => {
  async function conflicted() {
    const ws = await workspace();
    const root = ws.services.personalDir();
    fs.writeFileSync(path.join(root, 'knowledge', 'mine.md'), 'line 1\nmine\n');
    const copy = "knowledge/mine (Bob's conflicted copy 2026-01-22).md";
    fs.writeFileSync(path.join(root, copy), 'line 1\ntheirs\n');
    return { ...ws, root, copy };
  }

  it('keep mine removes the copy only after keeping it in backups, with history around it', async () => {
    const { sync, root, copy, calls, services } = await conflicted();
    expect(sync.conflict(copy).diff).toEqual([
      { kind: 'same', text: 'line 1' },
      { kind: 'mine', text: 'mine' },
      { kind: 'theirs', text: 'theirs' },
      { kind: 'same', text: '' },
    ]);
    const r = await sync.resolve({ path: copy, keep: 'mine' }, testContext());
    expect(fs.readFileSync(path.join(root, 'knowledge', 'mine.md'), 'utf8')).toBe('line 1\nmine\n');
    expect(fs.existsSync(path.join(root, copy))).toBe(false);
    expect(r.backups.map((b) => fs.readFileSync(b, 'utf8'))).toEqual(['line 1\ntheirs\n']);
    expect(r.backups[0]?.startsWith(services.paths.backups)).toBe(true);
    expect(calls).toEqual(['before sync.resolve', 'record sync.resolve']);
    expect(sync.conflicts()).toEqual([]);
  });

  it('edit by hand writes the edit and keeps both sides', async () => {
    const { sync, root, copy } = await conflicted();
    const r = await sync.resolve({ path: copy, keep: 'manual', content: 'line 1\nmerged\n' }, testContext());
    expect(fs.readFileSync(path.join(root, 'knowledge', 'mine.md'), 'utf8')).toBe('line 1\nmerged\n');
    expect(r.backups.map((b) => fs.readFileSync(b, 'utf8')).sort()).toEqual(['line 1\nmine\n', 'line 1\ntheirs\n']);
  });

  it('a path that is not a conflicted copy changes nothing', async () => {
    const { sync, root, copy } = await conflicted();
    const before = snapshotTree(root);
    expect((await failure(sync.resolve({ path: 'knowledge/mine.md', keep: 'theirs' }, testContext()))).code).toBe(
      'INVALID_REQUEST',
    );
    expect(
      (await failure(sync.resolve({ path: copy.replace('Bob', 'Eve'), keep: 'theirs' }, testContext()))).code,
    ).toBe('NOT_FOUND');
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('incoming changes', () => {
  it('only while synced, leaving out our own writes and probe files', async () => {
    const { services, sync } = await workspace();
    const seen: string[][] = [];
    services.events.on('sync:incoming', (e) => seen.push([...e.paths]));
    services.events.emit('files:changed', { source: 'personal', paths: ['knowledge/a.md'] });
    expect(seen).toEqual([]);
    await sync.setup({ provider: 'folder', path: path.join(tempDir(), 's') }, testContext());
    services.events.emit('files:changed', { source: 'starter', paths: ['common/x.md'] });
    services.events.emit('files:changed', {
      source: 'personal',
      paths: ['knowledge/a.md', '.ai-config-probe-1.txt', '.stfolder'],
    });
    expect(seen).toEqual([['knowledge/a.md']]);
    expect(sync.changedSince(new Date(0))).toEqual(['knowledge/a.md']);
    expect(sync.dismissIncoming()).toBe(1);
    expect(sync.incoming()).toEqual([]);
    sync.stop();
  });
});
