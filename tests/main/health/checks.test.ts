import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testContext } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';
import { corruptObjects, healthOf, initialised, sh, withGitSource } from './fixture';

const ctx = () => testContext('test-health');

async function only(health: ReturnType<typeof healthOf>, id: string) {
  const report = await health.check({ only: [id] }, ctx());
  expect(report.checks.length).toBeGreaterThan(0);
  return report.checks[0]!;
}

describe('health checks: each detects its broken fixture', () => {
  it('a healthy starter workspace passes every check', async () => {
    const { services } = await initialised();
    const report = await services.health.check({}, ctx());
    expect(report.checks.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(report.status).toBe('ok');
    expect(report.checks.map((c) => c.id)).toEqual([
      'git',
      'settings',
      'folders',
      'source:starter',
      'history',
      'index',
      'disk',
      'permissions',
      'sync',
      'performance',
      'library-moves',
      'agent-installs',
      'sync-disconnect',
      'superseded-formats',
    ]);
  });

  it('git: an old git and a missing git fail', async () => {
    const { services } = await initialised();
    const dir = tempDir();
    const fake = path.join(dir, 'git');
    fs.writeFileSync(fake, '#!/bin/sh\necho "git version 2.20.1"\n', { mode: 0o755 });
    const old = await only(healthOf(services, { gitExecutable: fake }), 'git');
    expect(old.status).toBe('fail');
    expect(old.explanation).toMatch(/2\.20 is too old.*2\.30/);
    const missing = await only(healthOf(services, { gitExecutable: path.join(dir, 'nope') }), 'git');
    expect(missing.status).toBe('fail');
    expect(missing.explanation).toMatch(/not installed|could not be run/i);
  });

  it('settings: invalid JSON and duplicate source names fail; no settings warns', async () => {
    const { services } = await initialised();
    const file = services.paths.settings;
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, '{ "schemaVersion": 1, ');
    const bad = await only(services.health, 'settings');
    expect(bad.status).toBe('fail');
    expect(bad.explanation).toContain('settings.json is not valid JSON');
    const obj = JSON.parse(good);
    obj.sources = [obj.sources[0], obj.sources[0]];
    fs.writeFileSync(file, JSON.stringify(obj));
    expect((await only(services.health, 'settings')).explanation).toContain('two sources are named "starter"');
    fs.rmSync(file);
    expect((await only(services.health, 'settings')).status).toBe('warn');
  });

  it('folders: a deleted personal folder fails and offers the create-folders fix', async () => {
    const { services } = await initialised();
    fs.rmSync(services.personalDir(), { recursive: true });
    const c = await only(services.health, 'folders');
    expect(c.status).toBe('fail');
    expect(c.explanation).toContain(services.personalDir());
    expect(c.fix?.id).toBe('create-folders');
  });

  it('source: a missing folder and a corrupt clone fail with the re-clone fix', async () => {
    const { services } = await initialised();
    const dir = services.paths.sourceDir('starter');
    corruptObjects(path.join(dir, '.git'));
    const corrupt = await only(services.health, 'source');
    expect(corrupt.status).toBe('fail');
    expect(corrupt.explanation).toMatch(/damaged|no readable/);
    expect(corrupt.fix).toEqual(expect.objectContaining({ id: 'reclone-source', target: 'starter' }));
    fs.rmSync(dir, { recursive: true });
    const missing = await only(services.health, 'source');
    expect(missing.status).toBe('fail');
    expect(missing.explanation).toContain('is missing');
  });

  it('source: reports how far behind the remote it is, and an unreachable remote', async () => {
    const { services, work } = await withGitSource();
    expect((await only(services.health, 'source:team')).explanation).toContain('Up to date with the remote');
    fs.writeFileSync(path.join(work, 'knowledge', 'b.md'), '# B\n');
    sh(work, 'add', '.');
    sh(work, 'commit', '-qm', 'second');
    sh(work, 'push', '-q', 'origin', 'HEAD:main');
    const ahead = await only(services.health, 'source:team');
    expect(ahead.status).toBe('warn');
    expect(ahead.explanation).toMatch(/remote has newer commits/);
    sh(services.paths.sourceDir('team'), 'fetch', '-q', 'origin');
    const behind = await only(services.health, 'source:team');
    expect(behind.explanation).toContain('1 commit behind the remote');
    sh(services.paths.sourceDir('team'), 'remote', 'set-url', 'origin', path.join(tempDir(), 'gone.git'));
    const offline = await only(services.health, 'source:team');
    expect(offline.status).toBe('warn');
    expect(offline.explanation).toContain('could not be reached');
  });

  it('history: a damaged history store fails, an intact one passes', async () => {
    const { services } = await initialised();
    const h = services.paths.historyGit;
    sh(services.paths.state, 'init', '-q', '--bare', h);
    sh(services.paths.state, `--git-dir=${h}`, `--work-tree=${services.personalDir()}`, 'add', '-A');
    sh(services.paths.state, `--git-dir=${h}`, `--work-tree=${services.personalDir()}`, 'commit', '-qm', 'v1');
    expect((await only(services.health, 'history')).status).toBe('ok');
    corruptObjects(h);
    const c = await only(services.health, 'history');
    expect(c.status).toBe('fail');
    expect(c.explanation).toContain('is damaged');
  });

  it('index: an index older than the library warns and offers the index service rebuild repair', async () => {
    const { services } = await initialised();
    const cache = path.join(services.paths.index, 'cache.json');
    fs.mkdirSync(services.paths.index, { recursive: true });
    fs.writeFileSync(cache, '{}');
    const past = new Date(Date.now() - 3600_000);
    fs.utimesSync(cache, past, past);
    fs.writeFileSync(path.join(services.personalDir(), 'knowledge', 'fresh.md'), '# Fresh\n');
    const c = await only(services.health, 'index');
    expect(c.status).toBe('warn');
    expect(c.explanation).toContain('personal/knowledge/fresh.md');
    // services.ts registers the index's rebuild repair (src/main/index/repair.ts).
    expect(c.fix?.id).toBe('rebuild-index');
  });

  it('disk: below the thresholds warns or fails', async () => {
    const { services } = await initialised();
    const fail = await only(
      healthOf(services, {
        thresholds: { failFreeBytes: Number.MAX_SAFE_INTEGER, warnFreeBytes: Number.MAX_SAFE_INTEGER },
      }),
      'disk',
    );
    expect(fail.status).toBe('fail');
    expect(fail.explanation).toMatch(/Only .* free/);
    const warn = await only(
      healthOf(services, { thresholds: { failFreeBytes: 0, warnFreeBytes: Number.MAX_SAFE_INTEGER } }),
      'disk',
    );
    expect(warn.status).toBe('warn');
  });

  it('permissions: a readable secret file and a group-writable state folder are found', async () => {
    const { services } = await initialised();
    fs.mkdirSync(services.paths.secrets, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(services.paths.secrets, 'master.key'), 'k', { mode: 0o644 });
    fs.chmodSync(path.join(services.paths.secrets, 'master.key'), 0o644);
    fs.chmodSync(services.paths.state, 0o777);
    const c = await only(services.health, 'permissions');
    expect(c.status).toBe('fail');
    expect(c.explanation).toContain('master.key is 0644 (should be 0600)');
    expect(c.explanation).toContain(`${services.paths.state} is 0777`);
    expect(c.fix?.id).toBe('fix-permissions');
  });

  it('sync: Syncthing and Dropbox conflict copies are listed', async () => {
    const { services } = await initialised();
    const k = path.join(services.personalDir(), 'knowledge');
    fs.writeFileSync(path.join(k, 'a.sync-conflict-20260101-120000-ABCDEFG.md'), 'x');
    fs.writeFileSync(path.join(k, "b (Jo's conflicted copy 2026-01-01).md"), 'y');
    fs.writeFileSync(path.join(services.personalDir(), '.stfolder'), '');
    const c = await only(services.health, 'sync');
    expect(c.status).toBe('warn');
    expect(c.explanation).toContain('2 sync-conflict copies');
    expect(c.explanation).toContain('a Syncthing folder');
    expect(c.explanation).toContain('knowledge/a.sync-conflict-20260101-120000-ABCDEFG.md');
    fs.rmSync(services.personalDir(), { recursive: true });
    expect((await only(services.health, 'sync')).status).toBe('fail');
  });

  it('performance: slower than expected is reported', async () => {
    const { services } = await initialised();
    const c = await only(
      healthOf(services, { thresholds: { listExpectMs: 1e-6, searchExpectMs: 1e-6 } }),
      'performance',
    );
    expect(c.status).toBe('fail');
    expect(c.explanation).toMatch(/Listing \d+ files took .* slower than expected/);
  });

  it('other domains can register checks; a crashing check is reported, not thrown', async () => {
    const { services } = await initialised();
    services.health.registerCheck({
      id: 'drift',
      title: 'Install drift',
      run: () => ({
        status: 'warn',
        explanation: 'CLAUDE.md was edited by hand',
        fix: { id: 'reinstall', title: 'Reinstall' },
      }),
    });
    services.health.registerCheck({
      id: 'boom',
      title: 'Crashes',
      run: () => {
        throw new Error('kaput');
      },
    });
    const report = await services.health.check({ only: ['drift', 'boom'] }, ctx());
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['drift', 'warn'],
      ['boom', 'fail'],
    ]);
    expect(report.checks[1]!.explanation).toContain('kaput');
    expect(report.status).toBe('fail');
    await expect(services.health.check({ only: ['nope'] }, ctx())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
