import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(REPO_ROOT, 'bin', 'ai-config.mjs');
export const ARTIFACTS = path.join(REPO_ROOT, 'artifacts');

export interface RunningApp {
  readonly home: string;
  /** The URL `serve` prints: the origin plus `#token=…` (the fragment never reaches a server). */
  readonly url: string;
  /** The run's API token (from the URL's fragment). */
  readonly token: string;
  readonly origin: string;
  stop(): Promise<void>;
  cli(...args: string[]): { status: number | null; stdout: string; stderr: string };
}

/**
 * Starts the real browser host (`ai-config serve`) on a temp AI_CONFIG_HOME, optionally initialised first;
 * `prepare` runs after init and before the host starts (e.g. to write a large library into it).
 */
export async function startApp(
  opts: { init?: boolean; env?: NodeJS.ProcessEnv; prepare?: (home: string, cli: RunningApp['cli']) => void } = {},
): Promise<RunningApp> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-e2e-'));
  const env = { ...process.env, ...opts.env, AI_CONFIG_HOME: home };
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  if (opts.init !== false) {
    const r = cli('init');
    if (r.status !== 0) throw new Error(`init failed: ${r.stderr}`);
  }
  opts.prepare?.(home, cli);
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--json'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const first = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const { url, origin } = JSON.parse(first) as { url: string; origin: string };
  const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token') ?? '';
  return {
    home,
    url,
    token,
    origin,
    cli,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
