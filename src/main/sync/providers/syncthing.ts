import fs from 'node:fs';
import path from 'node:path';
import type { DetectedProvider, SyncthingFolderState, VerifyOutcome } from '../../../shared/sync';
import { AppError } from '../../../shared/errors';
import { findExecutable, type Platform } from '../platform';
import { createSyncthingApi, type SyncthingApi } from './syncthing-api';
import { findSyncthingConfig } from './syncthing-config';

export const DEFAULT_FOLDER_ID = 'ai-configurator-personal';

/** The binary (PATH, then the usual install places), the config, and whether an instance answers. */
export async function detectSyncthing(pf: Platform, configPath?: string): Promise<DetectedProvider> {
  const exists = (p: string) => fs.existsSync(p);
  const extra =
    pf.platform === 'darwin'
      ? [
          '/Applications/Syncthing.app/Contents/Resources/syncthing/syncthing',
          '/opt/homebrew/bin/syncthing',
          '/usr/local/bin/syncthing',
        ]
      : pf.platform === 'win32'
        ? [path.join(pf.env.LOCALAPPDATA ?? '', 'Programs', 'Syncthing', 'syncthing.exe')]
        : ['/usr/bin/syncthing'];
  const binary = findExecutable('syncthing', pf, extra, exists);
  const suggestedPath = path.join(pf.homedir, 'ai-configurator-sync');
  let cfg;
  try {
    cfg = findSyncthingConfig(pf, configPath);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return {
      provider: 'syncthing',
      found: false,
      summary: e.message,
      roots: [],
      suggestedPath,
      hint: e.hint,
      ...(binary ? { binary } : {}),
    };
  }
  if (!cfg) {
    return {
      provider: 'syncthing',
      found: false,
      summary: binary ? `Syncthing is installed (${binary}) but has no config yet.` : 'Syncthing is not installed.',
      roots: [],
      suggestedPath,
      hint: binary
        ? 'Start Syncthing once so it writes its config, then detect again.'
        : 'Install Syncthing from syncthing.net (or your package manager), start it, then detect again.',
      ...(binary ? { binary } : {}),
    };
  }
  const api = createSyncthingApi(cfg, { timeoutMs: 3000 });
  const running = await api.ping().catch(() => false);
  const deviceId = running ? await api.myId().catch(() => undefined) : undefined;
  return {
    provider: 'syncthing',
    found: true,
    running,
    configPath: cfg.file,
    summary: running
      ? `Syncthing is running at ${api.address}.`
      : `Syncthing is configured (${cfg.file}) but not running at ${api.address}.`,
    roots: [],
    suggestedPath,
    ...(binary ? { binary } : {}),
    ...(deviceId ? { deviceId } : {}),
    ...(running ? {} : { hint: 'Start Syncthing, then detect again.' }),
  };
}

/** The connected API for a config, or an error that says how to start Syncthing. */
export async function connectSyncthing(pf: Platform, configPath?: string): Promise<SyncthingApi> {
  const cfg = findSyncthingConfig(pf, configPath);
  if (!cfg)
    throw new AppError(
      'NOT_FOUND',
      'No Syncthing config.xml was found in its standard places.',
      'Start Syncthing once, or give its config with --syncthing-config FILE.',
    );
  const api = createSyncthingApi(cfg);
  if (!(await api.ping()))
    throw new AppError(
      'OFFLINE',
      `Syncthing is not running at ${api.address} (config ${cfg.file}).`,
      'Start Syncthing and try again; nothing was changed.',
    );
  return api;
}

/** Adds a device by ID (keeping one that exists; adding the address when given). Returns whether it was new. */
export async function ensureDevice(api: SyncthingApi, deviceId: string, address?: string): Promise<boolean> {
  const id = deviceId.toUpperCase();
  const existing = await api.device(id);
  if (existing) {
    if (address && !existing.addresses.includes(address))
      await api.putDevice({ ...existing, addresses: [...existing.addresses.filter((a) => a !== 'dynamic'), address] });
    return false;
  }
  const defaults = await api.defaultDevice();
  await api.putDevice({
    ...defaults,
    deviceID: id,
    name: `ai-config ${id.slice(0, 7)}`,
    addresses: address ? [address] : ['dynamic'],
  });
  return true;
}

/**
 * Creates (or updates) the shared folder at `dir`, shared with `devices`; a fast watcher so changes travel in
 * seconds.
 */
export async function ensureFolder(
  api: SyncthingApi,
  folderId: string,
  dir: string,
  devices: ReadonlyArray<string>,
): Promise<void> {
  const me = await api.myId();
  const existing = await api.folder(folderId);
  if (existing && path.resolve(existing.path) !== path.resolve(dir)) {
    throw new AppError(
      'ALREADY_EXISTS',
      `Syncthing already has a folder "${folderId}" at ${existing.path}.`,
      'Choose that path with --path, or remove the folder in Syncthing first.',
      { folderId },
    );
  }
  const base = existing ?? {
    ...(await api.defaultFolder()),
    id: folderId,
    label: 'AI Configurator personal',
    path: dir,
    devices: [],
  };
  const ids = new Set([me, ...base.devices.map((d) => d.deviceID), ...devices.map((d) => d.toUpperCase())]);
  await api.putFolder({
    ...base,
    id: folderId,
    path: dir,
    type: 'sendreceive',
    fsWatcherEnabled: true,
    fsWatcherDelayS: 1,
    devices: [...ids].map((deviceID) => ({ deviceID, introducedBy: '', encryptionPassword: '' })),
  });
}

/** Folder state and completion per sharing device. */
export async function syncthingFolderState(api: SyncthingApi, folderId: string): Promise<SyncthingFolderState> {
  const [folder, status, connections, me] = await Promise.all([
    api.folder(folderId),
    api.folderStatus(folderId),
    api.connections(),
    api.myId(),
  ]);
  if (!folder)
    return { folderId, state: 'missing', completion: [], error: `Syncthing has no folder "${folderId}" any more.` };
  const peers = folder.devices.map((d) => d.deviceID).filter((id) => id !== me);
  const completion = await Promise.all(
    peers.map(async (deviceId) => ({
      deviceId,
      connected: !!connections[deviceId]?.connected,
      percent: Math.round((await api.completion(folderId, deviceId)).completion * 10) / 10,
    })),
  );
  return { folderId, state: status.state, completion, ...(status.error ? { error: status.error } : {}) };
}

/** Writes a probe file, asks Syncthing to scan, and waits until a connected device has it (or the timeout). */
export async function verifyWithProbe(
  api: SyncthingApi,
  folderId: string,
  dir: string,
  timeoutMs: number,
  sleep: (ms: number) => Promise<void>,
): Promise<VerifyOutcome> {
  const me = await api.myId();
  const name = `.ai-config-probe-${me.slice(0, 7)}.txt`;
  const file = path.join(dir, name);
  fs.writeFileSync(file, `AI Configurator sync probe from ${me.slice(0, 7)} at ${new Date().toISOString()}\n`);
  try {
    await api.scan(folderId, name);
    if (timeoutMs <= 0)
      return { kind: 'local', message: 'The probe file was written and scanned; watching it travel was skipped.' };
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const have = (await api.fileAvailability(folderId, name)).filter((id) => id !== me);
      if (have.length)
        return {
          kind: 'reached',
          message: `The probe file reached ${have.map((d) => d.slice(0, 7)).join(', ')}.`,
          devices: have,
        };
      await sleep(250);
    }
    return {
      kind: 'pending',
      message:
        `The probe file did not reach another device within ${Math.round(timeoutMs / 1000)} s. ` +
        `Set up the same folder on the other machine (it needs this device ID: ${me}); ` +
        'it will sync when both are online.',
    };
  } finally {
    fs.rmSync(file, { force: true });
    await api.scan(folderId, name).catch(() => undefined);
  }
}
