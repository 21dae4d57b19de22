import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditTrail, rotatedAuditFile } from '../../../src/main/observability/audit';
import { readLogs } from '../../../src/main/observability/log-reader';
import { createLogger } from '../../../src/main/observability/logger';
import { createMetrics } from '../../../src/main/observability/metrics';
import { percentile, summarizeMetrics } from '../../../src/main/observability/metrics-summary';
import { testRuntime } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';

describe('logs', () => {
  it('rotate by size, keep maxFiles rotated files, and read back in order across files', () => {
    const dir = tempDir();
    const logger = createLogger({ dir, maxBytes: 400, maxFiles: 2, component: 'test' });
    for (let i = 0; i < 60; i++) logger.info(`line ${i}`, { i });
    expect(fs.readdirSync(dir).sort()).toEqual(['app.1.log', 'app.2.log', 'app.log']);
    for (const f of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(400 + 200);
    const lines = readLogs(dir, { limit: 1000 });
    const nums = lines.map((l) => (l.fields as { i: number }).i);
    expect(nums.at(-1)).toBe(59);
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    expect(nums.length).toBeLessThan(60);
  });

  it('clean up rotated files beyond the limit, e.g. after it was lowered', () => {
    const dir = tempDir();
    for (const n of [1, 2, 3, 7]) fs.writeFileSync(path.join(dir, `app.${n}.log`), '{}\n');
    const logger = createLogger({ dir, maxBytes: 100, maxFiles: 2 });
    fs.writeFileSync(path.join(dir, 'app.log'), 'x'.repeat(200));
    logger.info('after rotation');
    expect(fs.readdirSync(dir).sort()).toEqual(['app.1.log', 'app.2.log', 'app.log']);
    expect(fs.readFileSync(path.join(dir, 'app.1.log'), 'utf8')).toBe('x'.repeat(200));
  });

  it('take the level from settings when neither --debug nor the environment set it', async () => {
    const home = tempDir();
    const rt = testRuntime(home);
    await rt.router.call({ id: 't', trusted: true }, 'workspace:init', {});
    const settings = JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8'));
    fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ ...settings, logging: { level: 'error' } }));
    const env = { ...process.env };
    delete env.AI_CONFIG_LOG_LEVEL;
    const quiet = testRuntime(home, env);
    quiet.logger.warn('dropped');
    quiet.logger.error('kept');
    expect(quiet.records.map((r) => r.msg)).toEqual(['kept']);
  });

  it('filter by level, component, correlation id, text and time', () => {
    const dir = tempDir();
    let t = Date.parse('2026-01-01T00:00:00Z');
    const logger = createLogger({ dir, level: 'debug', now: () => new Date((t += 1000)) });
    logger.debug('dbg');
    logger.child({ component: 'ipc', correlationId: 'ui-1' }).warn('slow call');
    logger.error('boom', { code: 'X' });
    expect(readLogs(dir, { level: 'warn' }).map((l) => l.msg)).toEqual(['slow call', 'boom']);
    expect(readLogs(dir, { component: 'ipc' }).map((l) => l.msg)).toEqual(['slow call']);
    expect(readLogs(dir, { correlationId: 'ui-1' })[0]).toMatchObject({
      msg: 'slow call',
      correlationId: 'ui-1',
      component: 'ipc',
      level: 'warn',
    });
    expect(readLogs(dir, { text: 'BOOM' }).map((l) => l.msg)).toEqual(['boom']);
    expect(readLogs(dir, { after: '2026-01-01T00:00:02.000Z' }).map((l) => l.msg)).toEqual(['boom']);
    expect(readLogs(dir, { limit: 1 }).map((l) => l.msg)).toEqual(['boom']);
  });

  it('take the level from AI_CONFIG_LOG_LEVEL, and carry the correlation id through the router', async () => {
    const home = tempDir();
    const rt = testRuntime(home, { AI_CONFIG_LOG_LEVEL: 'debug' });
    await rt.router.call({ id: 't', trusted: true }, 'app:info', {}, { correlationId: 'ui-abc' });
    expect(rt.records.some((r) => r.level === 'debug' && r.correlationId === 'ui-abc' && r.msg === 'handled')).toBe(
      true,
    );
    const quiet = testRuntime(tempDir(), { AI_CONFIG_LOG_LEVEL: 'warn' });
    await quiet.router.call({ id: 't', trusted: true }, 'workspace:status', {});
    quiet.logger.info('not shown');
    expect(quiet.records.filter((r) => r.level === 'info' || r.level === 'debug')).toEqual([]);
  });
});

describe('audit trail', () => {
  it('rotates past its bound, keeps two files, and reads both newest last', () => {
    const dir = tempDir();
    const file = path.join(dir, 'audit.jsonl');
    const audit = createAuditTrail(file, () => new Date('2026-01-01T00:00:00Z'), { maxBytes: 600 });
    for (let i = 0; i < 20; i++)
      audit.append({
        operation: i % 2 ? 'library.update' : 'agent.install',
        target: `t${i}`,
        result: 'ok',
        durationMs: i,
        correlationId: `c${i}`,
      });
    expect(fs.existsSync(rotatedAuditFile(file))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['audit.1.jsonl', 'audit.jsonl']);
    const all = audit.read();
    expect(all.at(-1)?.target).toBe('t19');
    expect(all.length).toBeLessThan(20);
    expect(audit.read({ operation: 'library.' }).every((r) => r.operation === 'library.update')).toBe(true);
    expect(audit.read({ limit: 2 }).map((r) => r.target)).toEqual(['t18', 't19']);
  });
});

describe('metrics', () => {
  it('stay bounded and keep the newest samples', () => {
    const dir = tempDir();
    const m = createMetrics({ dir, maxOperationBytes: 3000 });
    for (let i = 0; i < 300; i++) m.recordInvocation({ operation: 'library:tree', durationMs: i, ok: true });
    const size = fs.statSync(path.join(dir, 'operations.jsonl')).size;
    expect(size).toBeLessThanOrEqual(3000);
    const s = m.summary([]);
    expect(s.operations[0]!.operation).toBe('library:tree');
    const lines = fs
      .readFileSync(path.join(dir, 'operations.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ms: number });
    expect(lines.at(-1)!.ms).toBe(299);
    expect(lines[0]!.ms).toBeGreaterThan(0);
    expect(s.operations[0]!.count).toBe(lines.length);
  });

  it('summarise percentiles, failures, timeline, top files, library growth, token budgets and updates', () => {
    const ops = [10, 20, 30, 40, 1000].map((ms, i) => ({
      t: `2026-01-01T00:0${i}:00.000Z`,
      op: 'library:read',
      ms,
      ok: i !== 4,
      ...(i < 3 ? { target: i < 2 ? 'starter/a.md' : 'starter/b.md' } : {}),
    }));
    const s = summarizeMetrics(
      ops,
      [
        { kind: 'library', time: '2026-01-01T00:00:00Z', files: 10, bytes: 100, sources: 1 },
        { kind: 'tokens', time: '2026-01-01T00:00:00Z', agent: 'reviewer', tokens: 900, budget: 1000 },
        { kind: 'tokens', time: '2026-01-02T00:00:00Z', agent: 'reviewer', tokens: 1200, budget: 1000 },
      ],
      [
        {
          time: '2026-01-01T00:00:00Z',
          operation: 'library.update',
          target: 'team',
          result: 'ok',
          durationMs: 5,
          correlationId: 'c',
          details: { x: 1 },
        },
        {
          time: '2026-01-01T00:00:00Z',
          operation: 'agent.install',
          target: 'a@claude',
          result: 'ok',
          durationMs: 5,
          correlationId: 'd',
        },
      ],
    );
    expect(percentile([10, 20, 30, 40, 1000], 50)).toBe(30);
    expect(s.operations).toEqual([{ operation: 'library:read', count: 5, failures: 1, p50: 30, p95: 1000 }]);
    expect(s.timeline.reduce((n, p) => n + p.ok + p.failed, 0)).toBe(5);
    expect(s.topFiles).toEqual([
      { file: 'starter/a.md', count: 2 },
      { file: 'starter/b.md', count: 1 },
    ]);
    expect(s.library).toHaveLength(1);
    expect(s.tokenBudgets).toEqual([{ agent: 'reviewer', tokens: 1200, budget: 1000, time: '2026-01-02T00:00:00Z' }]);
    expect(s.updates.map((u) => u.operation)).toEqual(['library.update']);
    expect(s.updates[0]).not.toHaveProperty('details');
  });

  it('record every router call with its duration and outcome', async () => {
    const home = tempDir();
    const rt = testRuntime(home);
    const caller = { id: 't', trusted: true };
    await rt.router.call(caller, 'workspace:init', {});
    await rt.router.call(caller, 'library:tree', {});
    await rt.router.call(caller, 'library:read', { source: 'starter', path: 'common/code-review.md' });
    await rt.router.call(caller, 'library:read', { source: 'starter', path: 'missing.md' });
    await rt.router.call(caller, 'logs:query', {});
    const s = rt.services.health.summary();
    const read = s.operations.find((o) => o.operation === 'library:read')!;
    expect(read).toMatchObject({ count: 2, failures: 1 });
    expect(s.topFiles).toEqual([{ file: 'starter/common/code-review.md', count: 1 }]);
    expect(s.library.at(-1)?.files).toBeGreaterThan(10);
    expect(s.operations.map((o) => o.operation)).toEqual(expect.arrayContaining(['workspace:init', 'library:tree']));
    expect(s.operations.map((o) => o.operation)).not.toContain('logs:query');
  });
});
