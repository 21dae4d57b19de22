import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const BIN = path.join(REPO_ROOT, 'bin', 'ai-config.mjs');
let host: ChildProcess | undefined;
afterEach(async () => {
  if (host && host.exitCode === null) {
    const exited = new Promise((r) => host!.once('exit', r));
    host.kill('SIGTERM');
    await exited;
  }
  host = undefined;
});

async function until<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('ai-config search and index', () => {
  it('searches with filters, rebuilds, and prints JSON; bad flags are usage errors', async () => {
    const home = tempDir();
    const env = { AI_CONFIG_HOME: home };
    expect((await cli(['init'], env)).code).toBe(0);
    const text = await cli(['search', 'code', 'review'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/starter\/common\/code-review\.md {2}Code review/);
    const json = JSON.parse((await cli(['search', 'review', '--kind', 'agent', '--json'], env)).stdout) as {
      hits: Array<{ path: string; kind: string }>;
    };
    expect(json.hits.length).toBeGreaterThan(0);
    expect(json.hits.every((h) => h.kind === 'agent')).toBe(true);
    expect((await cli(['search', 'review', '--kind', 'nope'], env)).code).toBe(2);
    expect((await cli(['search', 'review', '--limit', '0'], env)).code).toBe(2);
    const rebuilt = JSON.parse((await cli(['index', 'rebuild', '--json'], env)).stdout) as {
      files: number;
      loadedFrom: string;
    };
    expect(rebuilt.files).toBeGreaterThan(20);
    expect((await cli(['index', 'stats'], env)).stdout).toMatch(/files, \d+ distinct words/);
    for (const args of [
      ['search', '--help'],
      ['index', 'rebuild', '--help'],
      ['index', 'stats', '--help'],
    ])
      expect((await cli(args, env)).stdout).toMatch(/Usage: ai-config/);
  });

  it('two processes: the running app sees another process change a file, and the CLI sees what changed while the app ran', async () => {
    const home = tempDir();
    const env = { ...process.env, AI_CONFIG_HOME: home };
    expect(spawnSync(process.execPath, [BIN, 'init'], { env }).status).toBe(0);
    host = spawn(process.execPath, [BIN, 'serve', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const first = await new Promise<string>((resolve) =>
      readline.createInterface({ input: host!.stdout! }).once('line', resolve),
    );
    const { origin, url } = JSON.parse(first) as { origin: string; url: string };
    const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token')!;
    const invoke = async (channel: string, request: unknown) => {
      const res = await fetch(`${origin}/api/invoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ channel, request }),
      });
      return (await res.json()) as {
        ok: boolean;
        value: { total: number; hits: Array<{ path: string }>; watching?: boolean };
      };
    };
    await until(async () => ((await invoke('index:stats', {})).value.watching ? true : undefined));

    // Another process (as the CLI would) writes into the personal workspace; the app's watcher picks it up.
    const personal = path.join(home, 'personal');
    spawnSync(process.execPath, [
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(path.join(personal, 'from-cli.md'))}, '---\\ntitle: From the CLI\\n---\\npterodactyl')`,
    ]);
    const seen = await until(async () => {
      const r = await invoke('index:search', { query: 'pterodactyl' });
      return r.value.total > 0 ? r.value : undefined;
    });
    expect(seen.hits[0]!.path).toBe('from-cli.md');

    // A change made while the app runs; a fresh CLI process re-stats and finds it.
    fs.writeFileSync(path.join(personal, 'from-app.md'), '---\ntitle: From the app\n---\narchaeopteryx');
    const r = spawnSync(process.execPath, [BIN, 'search', 'archaeopteryx', '--json'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { hits: Array<{ path: string }> }).hits.map((h) => h.path)).toEqual([
      'from-app.md',
    ]);
  });
});
