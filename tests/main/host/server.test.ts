import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHost, type Host } from '../../../src/main/host/server';
import { tempDir } from '../../helpers/temp';
import { testRuntime } from '../../helpers/app';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

function request(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function start() {
  const home = tempDir();
  const staticDir = path.join(home, 'ui');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ui</title>');
  const rt = testRuntime(home);
  host = await startHost({ router: rt.router, events: rt.events, logger: rt.logger, staticDir });
  return { host, rt };
}

describe('browser host', () => {
  it('binds to 127.0.0.1 only, serves the UI without a cookie and requires the token on every API call', async () => {
    const { host } = await start();
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    const page = await request(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).not.toContain(host.token);
    const body = JSON.stringify({ channel: 'app:info', request: {} });
    expect((await request(`${host.origin}/api/invoke`, {}, 'POST', body)).status).toBe(401);
    const authed = await request(`${host.origin}/api/invoke`, { authorization: `Bearer ${host.token}` }, 'POST', body);
    expect(authed.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const { host } = await start();
    const r = await request(`${host.origin}/`, {
      authorization: `Bearer ${host.token}`,
      host: `evil.example:${host.port}`,
    });
    expect(r.status).toBe(421);
    const api = await request(
      `${host.origin}/api/invoke`,
      { authorization: `Bearer ${host.token}`, host: `evil.example:${host.port}` },
      'POST',
      '{}',
    );
    expect(api.status).toBe(421);
  });

  it('routes invokes over HTTP and WebSocket, and refuses sockets without the token or from another origin', async () => {
    const { host } = await start();
    const body = JSON.stringify({ channel: 'app:info', request: {} });
    const r = await request(
      `${host.origin}/api/invoke`,
      { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      'POST',
      body,
    );
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'AI Configurator' } });

    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/ws`);
    await expect(new Promise((res, rej) => (refused.on('open', res), refused.on('error', rej)))).rejects.toThrow(/401/);

    const foreign = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, {
      headers: { authorization: `Bearer ${host.token}`, origin: 'http://evil.example' },
    });
    await expect(new Promise((res, rej) => (foreign.on('open', res), foreign.on('error', rej)))).rejects.toThrow(/401/);

    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { authorization: `Bearer ${host.token}` } });
    await new Promise((res) => ws.on('open', res));
    const reply = new Promise<{ id: number; result: { ok: boolean; error?: { code: string } } }>((res) =>
      ws.on('message', (d) => {
        const msg = JSON.parse(String(d));
        if (msg.type === 'result') res(msg);
      }),
    );
    ws.send(JSON.stringify({ id: 7, channel: 'library:tree', request: {} }));
    const msg = await reply;
    expect(msg.id).toBe(7);
    expect(msg.result).toMatchObject({ ok: false, error: { code: 'NOT_INITIALIZED' } });
    ws.close();
  });
});
