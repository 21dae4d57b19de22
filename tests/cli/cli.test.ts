import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { cli, REPO_ROOT } from '../helpers/app';
import { tempDir } from '../helpers/temp';

describe('ai-config CLI', () => {
  it('prints its version and help on every command', async () => {
    const home = tempDir();
    expect((await cli(['--version'], { AI_CONFIG_HOME: home })).stdout.trim()).toBe('0.0.0-test');
    for (const args of [
      ['--help'],
      ['init', '--help'],
      ['status', '--help'],
      ['library', '--help'],
      ['library', 'list', '--help'],
      ['serve', '--help'],
    ]) {
      const r = await cli(args, { AI_CONFIG_HOME: home });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/Usage: ai-config/);
    }
  });

  it('exits 2 on usage errors and 1 on failures, with a hint', async () => {
    const home = tempDir();
    const usage = await cli(['nonsense'], { AI_CONFIG_HOME: home });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown command/);
    const badFlag = await cli(['init', '--frobnicate'], { AI_CONFIG_HOME: home });
    expect(badFlag.code).toBe(2);
    const fail = await cli(['library', 'list'], { AI_CONFIG_HOME: home });
    expect(fail.code).toBe(1);
    expect(fail.stderr).toMatch(/error: No workspace/);
    expect(fail.stderr).toMatch(/hint: Run `ai-config init`/);
    const failJson = await cli(['library', 'list', '--json'], { AI_CONFIG_HOME: home });
    expect(JSON.parse(failJson.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_INITIALIZED' } });
  });

  it('init, status and library list work end to end with --json', async () => {
    const home = tempDir();
    const init = await cli(['init', '--json'], { AI_CONFIG_HOME: home });
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ changed: true, sources: [{ name: 'starter', present: true }] });
    const again = await cli(['init'], { AI_CONFIG_HOME: home });
    expect(again.stdout).toMatch(/nothing changed/);
    const status = JSON.parse((await cli(['status', '--json'], { AI_CONFIG_HOME: home })).stdout);
    expect(status).toMatchObject({ initialized: true, home });
    const list = JSON.parse((await cli(['library', 'list', '--json'], { AI_CONFIG_HOME: home })).stdout) as Array<{
      path: string;
      kind: string;
    }>;
    expect(list.some((e) => e.kind === 'agent')).toBe(true);
    expect(list.some((e) => e.kind === 'mcp-server')).toBe(true);
    const text = await cli(['library', 'list'], { AI_CONFIG_HOME: home });
    expect(text.stdout).toMatch(/common\/code-review\.md\s+starter\s+knowledge/);
  });

  it('runs as the installed bin (npx ai-config)', () => {
    const home = tempDir();
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'ai-config.mjs'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, AI_CONFIG_HOME: home },
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe('ai-config in a pipeline', () => {
  it('exits quietly when the reader closes the pipe early (EPIPE)', async () => {
    const { spawn } = await import('node:child_process');
    const home = tempDir();
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'ai-config.mjs'), '--help'], {
      env: { ...process.env, AI_CONFIG_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
