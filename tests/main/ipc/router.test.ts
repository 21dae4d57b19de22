import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { createEventBus } from '../../../src/main/events';
import { createRouter, type Handlers } from '../../../src/main/ipc/router';
import { createLogger, type LogRecord } from '../../../src/main/observability/logger';

function makeRouter(
  overrides: Partial<Handlers> = {},
  rate?: { capacity: number; refillPerSecond: number; now?: () => number },
) {
  const records: LogRecord[] = [];
  const logger = createLogger({ level: 'debug', sinks: [(r) => records.push(r)] });
  // Only the channels these tests use; other domains' handlers are never called here.
  const base: Partial<Handlers> = {
    'app:info': () => ({ name: 'x', version: '1', home: '/h', platform: 'linux', host: 'test' }),
    'workspace:status': () => ({ initialized: false, home: '/h', personalDir: '/h/p', sources: [] }),
    'workspace:init': () => ({ changed: false, home: '/h', created: [], sources: [], message: 'ok' }),
    'library:tree': () => ({ entries: [] }),
    'library:read': (req) => ({
      source: req.source,
      path: req.path,
      kind: 'knowledge',
      frontmatter: {},
      body: '',
      raw: '',
    }),
  };
  const router = createRouter({
    handlers: { ...base, ...overrides } as Handlers,
    logger,
    events: createEventBus(),
    ...(rate ? { rateLimit: rate } : {}),
  });
  return { router, records };
}

const caller = { id: 't', trusted: true };

describe('router', () => {
  it('returns the handler value as ok', async () => {
    const { router } = makeRouter();
    const r = await router.invoke(caller, 'app:info', {});
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ name: 'x' }) });
  });

  it('rejects an invalid request with INVALID_REQUEST naming the field, and never runs the handler', async () => {
    let ran = false;
    const { router } = makeRouter({
      'library:read': () => (
        (ran = true),
        { source: '', path: '', kind: 'knowledge', frontmatter: {}, body: '', raw: '' }
      ),
    });
    const r = await router.invoke(caller, 'library:read', { source: 'starter', path: '../../etc/passwd' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_REQUEST');
      expect(r.error.message).toContain('field "path"');
      expect(r.error.hint).not.toBe('');
    }
    const extra = await router.invoke(caller, 'app:info', { unexpected: 1 });
    expect(extra.ok).toBe(false);
    expect(ran).toBe(false);
  });

  it('rejects unknown channels and untrusted callers as values', async () => {
    const { router } = makeRouter();
    const unknown = await router.invoke(caller, 'fs:deleteEverything', {});
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_CHANNEL');
    const proto = await router.invoke(caller, '__proto__', {});
    expect(!proto.ok && proto.error.code).toBe('UNKNOWN_CHANNEL');
    const untrusted = await router.invoke({ id: 'evil', trusted: false }, 'app:info', {});
    expect(!untrusted.ok && untrusted.error.code).toBe('FORBIDDEN');
  });

  it('turns an AppError into its value and a bug into INTERNAL without leaking the bug text', async () => {
    const { router, records } = makeRouter({
      'workspace:status': () => {
        throw new AppError('NOT_INITIALIZED', 'No workspace.', 'Run init.');
      },
      'library:tree': () => {
        throw new Error('secret internal detail');
      },
    });
    const expected = await router.invoke(caller, 'workspace:status', {}, { correlationId: 'corr-1' });
    expect(expected).toEqual({
      ok: false,
      error: { code: 'NOT_INITIALIZED', message: 'No workspace.', hint: 'Run init.', correlationId: 'corr-1' },
    });
    const bug = await router.invoke(caller, 'library:tree', {}, { correlationId: 'corr-2' });
    expect(bug.ok).toBe(false);
    if (!bug.ok) {
      expect(bug.error.code).toBe('INTERNAL');
      expect(bug.error.message).not.toContain('secret internal detail');
      expect(bug.error.correlationId).toBe('corr-2');
    }
    const logged = records.find((r) => r.level === 'error' && r.correlationId === 'corr-2');
    expect(JSON.stringify(logged)).toContain('secret internal detail');
  });

  it('rate-limits a flood per caller with RATE_LIMITED values, answering every call', async () => {
    let t = 0;
    const { router } = makeRouter({}, { capacity: 10, refillPerSecond: 5, now: () => t });
    const results = await Promise.all(Array.from({ length: 50 }, () => router.invoke(caller, 'app:info', {})));
    const limited = results.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED');
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(limited).toHaveLength(40);
    // Another caller has its own bucket.
    expect((await router.invoke({ id: 'other', trusted: true }, 'app:info', {})).ok).toBe(true);
    // Time refills the bucket.
    t += 1000;
    expect((await router.invoke(caller, 'app:info', {})).ok).toBe(true);
  });

  it('charges mutations more than reads', async () => {
    const { router } = makeRouter({}, { capacity: 10, refillPerSecond: 0.001, now: () => 0 });
    expect((await router.invoke(caller, 'workspace:init', {})).ok).toBe(true);
    expect((await router.invoke(caller, 'workspace:init', {})).ok).toBe(true);
    const third = await router.invoke(caller, 'workspace:init', {});
    expect(!third.ok && third.error.code).toBe('RATE_LIMITED');
  });

  it('carries the correlation id to the handler and into its log lines', async () => {
    let seen = '';
    const { router, records } = makeRouter({
      'app:info': (_req, ctx) => {
        seen = ctx.correlationId;
        ctx.logger.info('inside handler');
        return { name: 'x', version: '1', home: '/h', platform: 'linux', host: 'test' };
      },
    });
    await router.invoke(caller, 'app:info', {}, { correlationId: 'ui-click-42' });
    expect(seen).toBe('ui-click-42');
    expect(records.find((r) => r.msg === 'inside handler')?.correlationId).toBe('ui-click-42');
    await router.invoke(caller, 'app:info', {}, { correlationId: 'bad id with spaces' });
    expect(seen).toMatch(/^ipc-/);
  });
});
