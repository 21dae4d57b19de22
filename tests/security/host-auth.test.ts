import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_MAX_BODY, WS_PROTOCOL } from '../../src/shared/host-protocol';
import type { Host } from '../../src/main/host/server';
import { call, openSocket, opened, rawRequest, startTestHost } from '../helpers/host';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const INFO = JSON.stringify({ channel: 'app:info', request: {} });

describe('host authentication', () => {
  it('accepts the token as a subprotocol and selects only the protocol name, never echoing the token', async () => {
    ({ host } = await startTestHost());
    const ws = openSocket(host);
    await opened(ws);
    expect(ws.protocol).toBe(WS_PROTOCOL);
    expect(await call(ws, 1, 'app:info')).toMatchObject({ ok: true });
    ws.close();
  });

  it('refuses a socket with no token or a wrong one in the handshake', async () => {
    ({ host } = await startTestHost());
    await expect(opened(new WebSocket(`ws://127.0.0.1:${host.port}/ws`))).rejects.toThrow(/401/);
    await expect(opened(new WebSocket(`ws://127.0.0.1:${host.port}/ws`, [WS_PROTOCOL]))).rejects.toThrow(/401/);
    await expect(opened(openSocket(host, host.token.slice(0, -1) + 'A'))).rejects.toThrow(/401/);
    await expect(opened(openSocket(host, 'x'.repeat(host.token.length)))).rejects.toThrow(/401/);
    const wrongBearer = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { authorization: 'Bearer nope' } });
    await expect(opened(wrongBearer)).rejects.toThrow(/401/);
  });

  it('refuses the token in a query string, on the socket and on HTTP', async () => {
    ({ host } = await startTestHost());
    const q = `token=${host.token}`;
    await expect(opened(new WebSocket(`ws://127.0.0.1:${host.port}/ws?${q}`))).rejects.toThrow(/401/);
    const r = await rawRequest(host.origin, `/api/invoke?${q}`, { method: 'POST', body: INFO });
    expect(r.status).toBe(401);
    expect((await rawRequest(host.origin, `/auth?${q}`)).headers['set-cookie']).toBeUndefined();
  });

  it('needs the Authorization header on HTTP API calls; a cookie holding the token does nothing', async () => {
    ({ host } = await startTestHost());
    const post = (headers: Record<string, string>) =>
      rawRequest(host!.origin, '/api/invoke', { method: 'POST', headers, body: INFO });
    expect((await post({})).status).toBe(401);
    expect((await post({ cookie: `aicfg_session=${host.token}` })).status).toBe(401);
    expect((await post({ authorization: host.token })).status).toBe(401);
    expect((await post({ authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await post({ authorization: `Bearer ${host.token}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { name: 'AI Configurator' } });
    const foreign = await post({ authorization: `Bearer ${host.token}`, origin: 'http://127.0.0.1:1' });
    expect(foreign.status).toBe(403);
  });

  it('serves the UI without a token but never the token itself', async () => {
    ({ host } = await startTestHost());
    const page = await rawRequest(host.origin, '/');
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.body).not.toContain(host.token);
    expect((await rawRequest(host.origin, '/', { headers: { host: 'evil.example' } })).status).toBe(421);
  });

  it('takes a request larger than a socket frame over HTTP', async () => {
    ({ host } = await startTestHost());
    const content = 'é'.repeat(1_500_000);
    const body = JSON.stringify({ channel: 'sync:resolve', request: { path: 'a.md', keep: 'manual', content } });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 * 1024);
    const r = await rawRequest(host.origin, '/api/invoke', {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body,
    });
    expect(r.status).toBe(200);
    expect((JSON.parse(r.body) as { error?: { code: string } }).error?.code).not.toBe('LIMIT_EXCEEDED');
  });

  it('refuses an HTTP body over the limit with a coded error before reading it', async () => {
    ({ host } = await startTestHost());
    const r = await rawRequest(host.origin, '/api/invoke', {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-length': String(HTTP_MAX_BODY + 1) },
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
  });
});
