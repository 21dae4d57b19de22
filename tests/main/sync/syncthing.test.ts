import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/main/ipc/router';
import type { IncomingEvent } from '../../../src/shared/sync';
import { testRuntime } from '../../helpers/app';
import {
  generateDeviceId,
  startSyncthingPair,
  syncthingAvailable,
  waitFor,
  type SyncthingInstance,
} from '../../helpers/servers/syncthing';
import { ensureDevice } from '../../../src/main/sync/providers/syncthing';
import { createSyncthingApi } from '../../../src/main/sync/providers/syncthing-api';
import { findSyncthingConfig } from '../../../src/main/sync/providers/syncthing-config';
import { isSyncToolMetadata } from '../../../src/main/sync/tool-metadata';

const caller = { id: 'test', trusted: true };

// One scenario, in order: both machines set up the shared folder through REST, a file travels and is
// indexed, a forced conflict is detected and resolved with nothing lost, and one machine disconnects.
describe.runIf(syncthingAvailable())('sync with two real Syncthing instances', () => {
  let root: string;
  let a: SyncthingInstance;
  let b: SyncthingInstance;
  let rtA: ReturnType<typeof testRuntime>;
  let rtB: ReturnType<typeof testRuntime>;
  const incomingB: IncomingEvent[] = [];

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-st-'));
    [a, b] = await startSyncthingPair(root);
    rtA = testRuntime(path.join(root, 'home-a'));
    rtB = testRuntime(path.join(root, 'home-b'));
    for (const rt of [rtA, rtB]) unwrap(await rt.router.call(caller, 'workspace:init', {}));
    rtB.events.on('sync:incoming', (e) => incomingB.push(e));
  });

  afterAll(async () => {
    rtA?.services.sync.stop();
    rtB?.services.sync.stop();
    await Promise.all([a?.stop(), b?.stop()]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('detects the running instance from its config.xml without exposing the API key', async () => {
    const { providers } = unwrap(await rtA.router.call(caller, 'sync:detect', { syncthingConfig: a.configPath }));
    const st = providers.find((p) => p.provider === 'syncthing');
    expect(st).toMatchObject({ found: true, running: true, deviceId: a.deviceId, configPath: a.configPath });
    expect(JSON.stringify(providers)).not.toContain(a.apiKey);
  });

  it('adds an unknown device by ID through REST, with its address', async () => {
    const id = generateDeviceId(path.join(root, 'st-c'));
    const api = createSyncthingApi(findSyncthingConfig({ env: {}, homedir: root, platform: 'linux' }, a.configPath)!);
    expect(await ensureDevice(api, id, 'tcp://127.0.0.1:1')).toBe(true);
    expect(await ensureDevice(api, id)).toBe(false);
    expect(((await a.rest('GET', `/rest/config/devices/${id}`)) as { addresses: string[] }).addresses).toEqual([
      'tcp://127.0.0.1:1',
    ]);
    await a.rest('DELETE', `/rest/config/devices/${id}`);
  });

  it('sets up the shared folder on both machines and the probe reaches the other device', async () => {
    const dirA = path.join(root, 'sync-a');
    const dirB = path.join(root, 'sync-b');
    const oldA = rtA.services.personalDir();
    const setupA = unwrap(
      await rtA.router.call(caller, 'sync:setup', {
        provider: 'syncthing',
        path: dirA,
        syncthingConfig: a.configPath,
        device: b.deviceId,
        verifyTimeoutMs: 0,
      }),
    );
    expect(setupA.personalDir).toBe(dirA);
    expect(rtA.services.personalDir()).toBe(dirA);
    expect(fs.existsSync(oldA)).toBe(false);
    expect(fs.readFileSync(path.join(dirA, '.stignore'), 'utf8')).toContain('(?d)*.tmp');
    expect(fs.existsSync(path.join(dirA, 'knowledge'))).toBe(true);
    const folder = (await a.rest('GET', '/rest/config/folders/ai-configurator-personal')) as {
      path: string;
      devices: { deviceID: string }[];
    };
    expect(folder.path).toBe(dirA);
    expect(folder.devices.map((d) => d.deviceID)).toContain(b.deviceId);

    const setupB = unwrap(
      await rtB.router.call(caller, 'sync:setup', {
        provider: 'syncthing',
        path: dirB,
        syncthingConfig: b.configPath,
        device: a.deviceId,
        verifyTimeoutMs: 30_000,
      }),
    );
    expect(setupB.verify).toMatchObject({ kind: 'reached', devices: [a.deviceId] });

    const status = unwrap(await rtB.router.call(caller, 'sync:status', {}));
    expect(status).toMatchObject({ connected: true, provider: 'syncthing', personalDir: dirB });
    expect(status.syncthing?.completion[0]?.deviceId).toBe(a.deviceId);
    const audit = rtA.services.audit.read().filter((r) => r.operation === 'sync.setup');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.result).toBe('ok');
  });

  it('a file written on one machine reaches the other and appears in its library index', async () => {
    const dirA = rtA.services.personalDir();
    const dirB = rtB.services.personalDir();
    fs.writeFileSync(path.join(dirA, 'knowledge', 'team-note.md'), '---\ntitle: Team note\n---\nShared from A.\n');
    await a.rest('POST', '/rest/db/scan?folder=ai-configurator-personal');
    await waitFor('team-note.md on B', () => fs.existsSync(path.join(dirB, 'knowledge', 'team-note.md')), 30_000);
    const tree = unwrap(await rtB.router.call(caller, 'library:tree', {}));
    expect(tree.entries.find((e) => e.path === 'knowledge/team-note.md')).toMatchObject({
      source: 'personal',
      title: 'Team note',
    });

    // The index service announces re-indexed files; sync turns that into the incoming notice.
    rtB.events.emit('files:changed', { source: 'personal', paths: ['knowledge/team-note.md'] });
    expect(incomingB.at(-1)?.paths).toEqual(['knowledge/team-note.md']);
    expect(rtB.services.sync.changedSince(new Date(Date.now() - 60_000))).toContain('knowledge/team-note.md');
    expect(unwrap(await rtB.router.call(caller, 'sync:incoming', {})).changes.map((c) => c.path)).toEqual([
      'knowledge/team-note.md',
    ]);
  });

  it('a forced conflict is detected and resolved with nothing lost', async () => {
    const dirA = rtA.services.personalDir();
    const dirB = rtB.services.personalDir();
    const rel = 'knowledge/team-note.md';
    // Pausing the folder on both sides keeps the connection up (no redial), so the conflict appears quickly.
    await Promise.all(
      [a, b].map((st) => st.rest('PATCH', '/rest/config/folders/ai-configurator-personal', { paused: true })),
    );
    const fromA = '---\ntitle: Team note\n---\nEdited on A.\n';
    const fromB = '---\ntitle: Team note\n---\nEdited on B, later.\n';
    fs.writeFileSync(path.join(dirA, rel), fromA);
    fs.utimesSync(path.join(dirA, rel), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    fs.writeFileSync(path.join(dirB, rel), fromB);
    await Promise.all(
      [a, b].map((st) => st.rest('PATCH', '/rest/config/folders/ai-configurator-personal', { paused: false })),
    );
    // An unpaused folder scans before it talks to the other side, so both edits are indexed first.

    // The older edit (A's) loses; Syncthing keeps it as a .sync-conflict copy, which then syncs to both sides.
    const conflict = await waitFor(
      'a conflict on B',
      async () => unwrap(await rtB.router.call(caller, 'sync:conflicts', {})).conflicts[0],
      40_000,
    );
    expect(conflict).toMatchObject({ original: rel, provider: 'syncthing', originalExists: true });
    expect(conflict.path).toMatch(/^knowledge\/team-note\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}\.md$/);
    const detail = unwrap(await rtB.router.call(caller, 'sync:conflict', { path: conflict.path }));
    expect(detail.mine).toBe(fromB);
    expect(detail.theirs).toBe(fromA);
    expect(detail.diff).toEqual(
      expect.arrayContaining([
        { kind: 'mine', text: 'Edited on B, later.' },
        { kind: 'theirs', text: 'Edited on A.' },
      ]),
    );
    expect(unwrap(await rtB.router.call(caller, 'sync:status', {})).conflicts).toBe(1);

    const r = unwrap(await rtB.router.call(caller, 'sync:resolve', { path: conflict.path, keep: 'theirs' }));
    expect(fs.readFileSync(path.join(dirB, rel), 'utf8')).toBe(fromA);
    expect(fs.existsSync(path.join(dirB, conflict.path))).toBe(false);
    // Nothing lost: the losing side (B's edit) is kept in the backups (and history).
    expect(r.backups).toHaveLength(1);
    expect(fs.readFileSync(r.backups[0] ?? '', 'utf8')).toBe(fromB);
    // The resolution travels: A ends up with the kept text and without the conflict copy.
    await waitFor(
      'resolution on A',
      () => fs.readFileSync(path.join(dirA, rel), 'utf8') === fromA && !fs.existsSync(path.join(dirA, conflict.path)),
      30_000,
    );
    expect(rtB.services.audit.read().filter((x) => x.operation === 'sync.resolve')).toHaveLength(1);
  });

  it('disconnect moves the workspace back and unshares the folder', async () => {
    const shared = rtB.services.personalDir();
    const r = unwrap(await rtB.router.call(caller, 'sync:disconnect', {}));
    expect(r.personalDir).toBe(rtB.services.paths.defaultPersonal);
    expect(rtB.services.personalDir()).toBe(rtB.services.paths.defaultPersonal);
    expect(fs.readFileSync(path.join(r.personalDir, 'knowledge', 'team-note.md'), 'utf8')).toContain('Edited on A.');
    expect(fs.existsSync(path.join(r.personalDir, '.stignore'))).toBe(false);
    expect(r.removedSharedCopy).toBe(true);
    // Only the workspace files go; whatever Syncthing keeps there for itself (.stfolder, .stversions) stays.
    expect(fs.existsSync(path.join(shared, 'knowledge'))).toBe(false);
    expect(fs.existsSync(path.join(shared, '.stignore'))).toBe(false);
    expect((fs.existsSync(shared) ? fs.readdirSync(shared) : []).filter((n) => !isSyncToolMetadata(n))).toEqual([]);
    expect(unwrap(await rtB.router.call(caller, 'sync:status', {})).connected).toBe(false);
    await expect(b.rest('GET', '/rest/config/folders/ai-configurator-personal')).rejects.toThrow(/404/);
    // A keeps its files: unsharing first means B's removal did not travel.
    expect(fs.existsSync(path.join(rtA.services.personalDir(), 'knowledge', 'team-note.md'))).toBe(true);
  });
});
