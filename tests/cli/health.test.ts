import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { followLogs } from '../../src/cli/commands/health';
import { makeCommandContext } from '../../src/cli/context';
import type { Io } from '../../src/cli/output';
import { createLogger } from '../../src/main/observability/logger';
import { cli, testRuntime } from '../helpers/app';
import { tempDir } from '../helpers/temp';

describe('ai-config health, doctor, logs, diagnostics', () => {
  it('health exits 0 when nothing fails and 1 when something does; doctor --fix repairs it', async () => {
    const home = tempDir();
    const env = { AI_CONFIG_HOME: home };
    expect((await cli(['init'], env)).code).toBe(0);
    const ok = await cli(['health'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('0 failed');

    fs.rmSync(path.join(home, 'personal'), { recursive: true });
    const bad = await cli(['health', '--json'], env);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.status).toBe('fail');
    expect(report.checks.find((c: { id: string }) => c.id === 'folders')).toMatchObject({
      status: 'fail',
      fix: { id: 'create-folders' },
    });

    const plain = await cli(['doctor'], env);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('can be repaired: run `ai-config doctor --fix`');

    const fixed = await cli(['doctor', '--fix'], env);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/REPAIRED\s+Re-create missing folders/);
    expect(fs.existsSync(path.join(home, 'personal', 'knowledge'))).toBe(true);
    expect((await cli(['health', '--only', 'folders', 'git'], env)).code).toBe(0);
    expect((await cli(['health', '--only', 'nope'], env)).code).toBe(1);
  });

  it('logs filters by level and prints JSON; a bad level is a usage error', async () => {
    const home = tempDir();
    const env = { AI_CONFIG_HOME: home };
    await cli(['init'], env);
    await cli(['library', 'list'], env);
    const r = await cli(['logs', '--json', '--level', 'info'], env);
    expect(r.code).toBe(0);
    const lines = JSON.parse(r.stdout) as Array<{ level: string; msg: string; correlationId?: string }>;
    expect(lines.some((l) => l.msg === 'command' && l.correlationId?.startsWith('cli-'))).toBe(true);
    expect(lines.every((l) => l.level !== 'debug')).toBe(true);
    expect((await cli(['logs', '--level', 'loud'], env)).code).toBe(2);
    const text = await cli(['logs', '-n', '2'], env);
    expect(text.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('logs --follow prints lines written after it started', async () => {
    const home = tempDir();
    const rt = testRuntime(home);
    let out = '';
    const io: Io = { out: (t) => void (out += t), err: () => undefined, isTty: false };
    const ctx = makeCommandContext(rt, io, { json: false, debug: false }, 'logs');
    const stop = new AbortController();
    const following = followLogs(ctx, { after: new Date(Date.now() - 1).toISOString() }, stop.signal, 20);
    rt.logger.warn('written while following');
    const deadline = Date.now() + 10_000;
    while (!out.includes('written while following') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    stop.abort();
    await following;
    expect(out).toContain('WARN');
    expect(out).toContain('written while following');
  });

  it('logs --follow loses no line written in the same millisecond and repeats none', async () => {
    const home = tempDir();
    const rt = testRuntime(home);
    const at = new Date('2030-01-01T00:00:00.000Z');
    const fixed = createLogger({ dir: path.join(home, 'state', 'logs'), now: () => at });
    fixed.info('first');
    fixed.info('second, same millisecond');
    let out = '';
    const io: Io = { out: (t) => void (out += t), err: () => undefined, isTty: false };
    const ctx = makeCommandContext(rt, io, { json: true, debug: false }, 'logs');
    const stop = new AbortController();
    const first = { level: 'info' as const, time: at.toISOString(), component: 'app', msg: 'first' };
    const following = followLogs(ctx, { after: at.toISOString(), shown: [first] }, stop.signal, 10);
    const deadline = Date.now() + 10_000;
    while (!out.includes('second') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    await following;
    const msgs = out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(msgs).toEqual(['second, same millisecond']);
  });

  it('diagnostics writes a redacted JSON bundle and records it in the audit trail', async () => {
    const home = tempDir();
    const env = { AI_CONFIG_HOME: home };
    await cli(['init'], env);
    const file = path.join(tempDir(), 'diag.json');
    const r = await cli(['diagnostics', file, '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file });
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(Object.keys(bundle)).toEqual(
      expect.arrayContaining(['versions', 'settings', 'health', 'recentLogs', 'audit', 'metrics']),
    );
    expect(bundle.versions.git).toMatch(/git version 2\./);
    expect(bundle.health.checks.length).toBeGreaterThan(5);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const audit = fs.readFileSync(path.join(home, 'state', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"operation":"health.diagnostics"');
    expect((await cli(['diagnostics', '--help'], env)).stdout).toContain('Nothing is sent anywhere');
  });
});
