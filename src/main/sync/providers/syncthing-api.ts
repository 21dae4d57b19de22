import http from 'node:http';
import https from 'node:https';
import { AppError } from '../../../shared/errors';
import type { SyncthingConfig } from './syncthing-config';

export interface SyncthingFolderConfig {
  readonly id: string;
  readonly label: string;
  readonly path: string;
  readonly devices: ReadonlyArray<{ readonly deviceID: string; readonly [k: string]: unknown }>;
  readonly [k: string]: unknown;
}

export interface SyncthingDeviceConfig {
  readonly deviceID: string;
  readonly name: string;
  readonly addresses: ReadonlyArray<string>;
  readonly [k: string]: unknown;
}

/** The part of Syncthing's REST API (X-API-Key) the sync service uses. */
export interface SyncthingApi {
  readonly address: string;
  ping(): Promise<boolean>;
  myId(): Promise<string>;
  folder(id: string): Promise<SyncthingFolderConfig | undefined>;
  putFolder(folder: SyncthingFolderConfig): Promise<void>;
  deleteFolder(id: string): Promise<void>;
  defaultFolder(): Promise<Record<string, unknown>>;
  device(id: string): Promise<SyncthingDeviceConfig | undefined>;
  putDevice(device: SyncthingDeviceConfig): Promise<void>;
  defaultDevice(): Promise<Record<string, unknown>>;
  folderStatus(id: string): Promise<{ state: string; error?: string; needFiles: number; globalFiles: number }>;
  completion(folder: string, device: string): Promise<{ completion: number; needItems: number; needBytes: number }>;
  connections(): Promise<Record<string, { connected: boolean }>>;
  scan(folder: string, sub?: string): Promise<void>;
  /** Which remote devices have the current version of `file`. */
  fileAvailability(folder: string, file: string): Promise<ReadonlyArray<string>>;
  pauseDevice(id: string): Promise<void>;
  resumeDevice(id: string): Promise<void>;
}

/** Where to connect: the config's address, with a wildcard host reached on loopback. */
export function apiBase(cfg: SyncthingConfig): URL {
  const raw = cfg.address.includes('://') ? cfg.address : `${cfg.tls ? 'https' : 'http'}://${cfg.address}`;
  if (raw.startsWith('unix://'))
    throw new AppError(
      'UNSUPPORTED',
      `${cfg.file}: the Syncthing GUI listens on a Unix socket (${cfg.address}).`,
      "Set a TCP GUI address such as 127.0.0.1:8384 in Syncthing's settings.",
      { file: cfg.file, field: 'gui.address' },
    );
  const url = new URL(raw);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]' || url.hostname === '') url.hostname = '127.0.0.1';
  return url;
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

/** A REST client for a running Syncthing. Errors name the config file; the key never appears in them. */
export function createSyncthingApi(cfg: SyncthingConfig, opts: { timeoutMs?: number } = {}): SyncthingApi {
  const base = apiBase(cfg);
  const timeoutMs = opts.timeoutMs ?? 10_000;

  function request<T>(
    method: string,
    pathAndQuery: string,
    body?: unknown,
    okStatuses: ReadonlyArray<number> = [200],
  ): Promise<{ status: number; value: T | undefined }> {
    const url = new URL(pathAndQuery, base);
    const mod = url.protocol === 'https:' ? https : http;
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = mod.request(
        url,
        {
          method,
          headers: {
            'X-API-Key': cfg.apiKey,
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          },
          timeout: timeoutMs,
          // Syncthing's GUI certificate is self-signed; accept it only on this machine.
          ...(url.protocol === 'https:' ? { rejectUnauthorized: !isLoopback(url.hostname) } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status === 401 || status === 403) {
              reject(
                new AppError(
                  'AUTH_FAILED',
                  `Syncthing at ${base.host} refused the API key from ${cfg.file}.`,
                  'The key in config.xml may be out of date: ' +
                    'restart Syncthing, or give the right config with --syncthing-config.',
                  { file: cfg.file },
                ),
              );
              return;
            }
            if (!okStatuses.includes(status)) {
              reject(
                new AppError(
                  'INTERNAL',
                  `Syncthing at ${base.host} answered ${status} to ${method} ${url.pathname}: ${text.slice(0, 200)}`,
                  "Check Syncthing's log; the request may not be supported by this Syncthing version.",
                  { status },
                ),
              );
              return;
            }
            let value: T | undefined;
            try {
              value = text ? (JSON.parse(text) as T) : undefined;
            } catch {
              value = undefined;
            }
            resolve({ status, value });
          });
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', (e: NodeJS.ErrnoException) => {
        reject(
          new AppError(
            'OFFLINE',
            `Syncthing is not answering at ${base.host} (from ${cfg.file}): ${e.code ?? e.message}.`,
            'Start Syncthing (or check the GUI address in its settings) and try again.',
            { file: cfg.file, address: base.host },
          ),
        );
      });
      if (payload) req.write(payload);
      req.end();
    });
  }

  const get = async <T>(p: string) => (await request<T>('GET', p)).value as T;
  const enc = encodeURIComponent;

  return {
    address: base.host,
    async ping() {
      try {
        await request('GET', '/rest/system/ping');
        return true;
      } catch (e) {
        if (e instanceof AppError && e.code === 'OFFLINE') return false;
        throw e;
      }
    },
    myId: async () => (await get<{ myID: string }>('/rest/system/status')).myID,
    async folder(id) {
      const r = await request<SyncthingFolderConfig>('GET', `/rest/config/folders/${enc(id)}`, undefined, [200, 404]);
      return r.status === 404 ? undefined : r.value;
    },
    putFolder: async (folder) => void (await request('PUT', `/rest/config/folders/${enc(folder.id)}`, folder)),
    deleteFolder: async (id) =>
      void (await request('DELETE', `/rest/config/folders/${enc(id)}`, undefined, [200, 404])),
    defaultFolder: () => get<Record<string, unknown>>('/rest/config/defaults/folder'),
    async device(id) {
      const r = await request<SyncthingDeviceConfig>('GET', `/rest/config/devices/${enc(id)}`, undefined, [200, 404]);
      return r.status === 404 ? undefined : r.value;
    },
    putDevice: async (device) => void (await request('PUT', `/rest/config/devices/${enc(device.deviceID)}`, device)),
    defaultDevice: () => get<Record<string, unknown>>('/rest/config/defaults/device'),
    folderStatus: (id) => get(`/rest/db/status?folder=${enc(id)}`),
    completion: (folder, device) => get(`/rest/db/completion?folder=${enc(folder)}&device=${enc(device)}`),
    connections: async () =>
      (await get<{ connections: Record<string, { connected: boolean }> }>('/rest/system/connections')).connections ??
      {},
    scan: async (folder, sub) =>
      void (await request('POST', `/rest/db/scan?folder=${enc(folder)}${sub ? `&sub=${enc(sub)}` : ''}`)),
    async fileAvailability(folder, file) {
      const r = await request<{ availability?: ReadonlyArray<{ id: string }> | null }>(
        'GET',
        `/rest/db/file?folder=${enc(folder)}&file=${enc(file)}`,
        undefined,
        [200, 404],
      );
      return r.status === 404 ? [] : (r.value?.availability ?? []).map((a) => a.id);
    },
    pauseDevice: async (id) => void (await request('POST', `/rest/system/pause?device=${enc(id)}`)),
    resumeDevice: async (id) => void (await request('POST', `/rest/system/resume?device=${enc(id)}`)),
  };
}
