import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../src/main/host/server';
import { call, closed, openSocket, opened, rawRequest, startTestHost } from '../helpers/host';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

type Reply = { ok: boolean; error?: { code: string } };

describe('host rate limit', () => {
  it('is one bucket per session (token) across sockets and HTTP, freed when its sockets close', async () => {
    let now = 1_000_000;
    const started = await startTestHost({ rateLimit: { capacity: 3, refillPerSecond: 1, now: () => now } });
    host = started.host;
    const { router } = started;
    const a = openSocket(host);
    const b = openSocket(host);
    await Promise.all([opened(a), opened(b)]);
    expect(((await call(a, 1, 'app:info')) as Reply).ok).toBe(true);
    expect(((await call(b, 1, 'app:info')) as Reply).ok).toBe(true);
    expect(((await call(a, 2, 'app:info')) as Reply).ok).toBe(true);
    // The session's three tokens are spent: a socket of the same session is refused, and so is HTTP.
    expect(((await call(b, 2, 'app:info')) as Reply).error?.code).toBe('RATE_LIMITED');
    const http = await rawRequest(host.origin, '/api/invoke', {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ channel: 'app:info', request: {} }),
    });
    expect((JSON.parse(http.body) as Reply).error?.code).toBe('RATE_LIMITED');
    expect(router.rateLimitBuckets()).toBe(1);

    // Closing and reopening does not buy a fresh burst.
    const ends = [closed(a), closed(b)];
    a.close();
    b.close();
    await Promise.all(ends);
    const h = host;
    await expect.poll(() => h.sockets(), { timeout: 30_000 }).toBe(0);
    const c = openSocket(host);
    await opened(c);
    expect(((await call(c, 1, 'app:info')) as Reply).error?.code).toBe('RATE_LIMITED');
    const cEnd = closed(c);
    c.close();
    await cEnd;
    await expect.poll(() => h.sockets(), { timeout: 30_000 }).toBe(0);

    // Once refilled, the closed session's bucket is gone.
    expect(router.rateLimitBuckets()).toBe(1);
    now += 10_000;
    expect(router.rateLimitBuckets()).toBe(0);
  });
});
