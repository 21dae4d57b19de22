import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort } from './free-port';

/** One real Syncthing process on 127.0.0.1 with its own home, started and stopped by PID. */
export interface SyncthingInstance extends Prepared {
  readonly pid: number;
  /** GET/POST the REST API (for test set-up such as pausing a device). */
  rest(method: string, pathAndQuery: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export const SYNCTHING_BINARY = process.env.SYNCTHING_BINARY ?? 'syncthing';

export function syncthingAvailable(): boolean {
  return spawnSync(SYNCTHING_BINARY, ['--version'], { encoding: 'utf8' }).status === 0;
}

function env(home: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: home, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1', STNORESTART: '1', STMONITORED: '' };
}

function setTag(xml: string, tag: string, value: string): string {
  const re = new RegExp(`<${tag}>[^<]*</${tag}>`);
  if (!re.test(xml)) return xml.replace('</options>', `    <${tag}>${value}</${tag}>\n    </options>`);
  return xml.replace(re, `<${tag}>${value}</${tag}>`);
}

/** A generated Syncthing home, configured but not started. */
export interface Prepared {
  readonly home: string;
  readonly configPath: string;
  readonly apiKey: string;
  readonly guiPort: number;
  readonly listenPort: number;
  readonly deviceId: string;
}

/** `syncthing generate` into `home`, then a config for an isolated test: loopback only, no discovery, relays, NAT, reporting. */
async function prepare(home: string): Promise<Prepared> {
  fs.mkdirSync(home, { recursive: true });
  const deviceId = generateDeviceId(home);
  const guiPort = await freePort();
  const listenPort = await freePort();
  const apiKey = randomBytes(16).toString('hex');
  const configPath = path.join(home, 'config.xml');
  let xml = fs.readFileSync(configPath, 'utf8');
  xml = xml.replace(
    /<gui\b[^>]*>[\s\S]*?<\/gui>/,
    `<gui enabled="true" tls="false" debugging="false">\n        <address>127.0.0.1:${guiPort}</address>\n        <apikey>${apiKey}</apikey>\n        <theme>default</theme>\n    </gui>`,
  );
  const options: Record<string, string> = {
    listenAddress: `tcp://127.0.0.1:${listenPort}`,
    globalAnnounceEnabled: 'false',
    localAnnounceEnabled: 'false',
    relaysEnabled: 'false',
    natEnabled: 'false',
    urAccepted: '-1',
    crashReportingEnabled: 'false',
    reconnectionIntervalS: '1',
    startBrowser: 'false',
    autoUpgradeIntervalH: '0',
    progressUpdateIntervalS: '1',
  };
  for (const [k, v] of Object.entries(options)) xml = setTag(xml, k, v);
  fs.writeFileSync(configPath, xml);
  return { home, configPath, apiKey, guiPort, listenPort, deviceId };
}

/** Adds `peer` as a known device with its static loopback address (before start). */
function addPeer(self: Prepared, peer: Prepared, name: string): void {
  const xml = fs.readFileSync(self.configPath, 'utf8');
  const device = `<device id="${peer.deviceId}" name="${name}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">\n        <address>tcp://127.0.0.1:${peer.listenPort}</address>\n        <paused>false</paused>\n        <autoAcceptFolders>false</autoAcceptFolders>\n    </device>\n    <gui `;
  fs.writeFileSync(self.configPath, xml.replace('<gui ', device));
}

function rest(
  p: Prepared,
  method: string,
  pathAndQuery: string,
  json?: unknown,
): Promise<{ status: number; body: string }> {
  const payload = json === undefined ? undefined : JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const headers = { 'X-API-Key': p.apiKey, ...(payload ? { 'content-type': 'application/json' } : {}) };
    const req = http.request(
      { host: '127.0.0.1', port: p.guiPort, path: pathAndQuery, method, headers, timeout: 5000 },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(payload);
  });
}

async function start(p: Prepared): Promise<SyncthingInstance> {
  const child: ChildProcess = spawn(
    SYNCTHING_BINARY,
    ['serve', '--home', p.home, '--no-browser', '--no-restart', '--no-upgrade', '--logfile=-'],
    { env: env(p.home), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (d) => (log = (log + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (log = (log + d).slice(-20_000)));
  const pid = child.pid;
  if (!pid) throw new Error('syncthing did not start');
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`syncthing exited ${child.exitCode}: ${log}`);
    const ok = await rest(p, 'GET', '/rest/system/ping').then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      throw new Error(`syncthing did not answer on ${p.guiPort}: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    ...p,
    pid,
    async rest(method, pathAndQuery, body) {
      const r = await rest(p, method, pathAndQuery, body);
      if (r.status !== 200) throw new Error(`${method} ${pathAndQuery}: ${r.status} ${r.body}`);
      return r.body ? (JSON.parse(r.body) as unknown) : undefined;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A fresh, valid device ID (a generated but never started home), for adding an unknown device. */
export function generateDeviceId(home: string): string {
  const gen = spawnSync(SYNCTHING_BINARY, ['generate', '--home', home, '--skip-port-probing', '--no-default-folder'], {
    env: env(home),
    encoding: 'utf8',
  });
  const id = /Device ID:\s*([A-Z0-9-]+)/.exec(gen.stdout + gen.stderr)?.[1];
  if (!id) throw new Error(`no device ID in: ${gen.stdout}${gen.stderr}`);
  return id;
}

/** Two Syncthing instances that know each other by static 127.0.0.1 addresses and nothing else. */
export async function startSyncthingPair(root: string): Promise<[SyncthingInstance, SyncthingInstance]> {
  const a = await prepare(path.join(root, 'st-a'));
  const b = await prepare(path.join(root, 'st-b'));
  addPeer(a, b, 'peer-b');
  addPeer(b, a, 'peer-a');
  const sa = await start(a);
  try {
    return [sa, await start(b)];
  } catch (e) {
    await sa.stop();
    throw e;
  }
}

/** Polls `check` until it returns a value (not undefined/false) or the timeout passes. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
