import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../../src/shared/host-protocol';
import { createHandlers } from '../../src/main/ipc/handlers';
import { createRouter, type Router } from '../../src/main/ipc/router';
import { startHost, type Host } from '../../src/main/host/server';
import { testRuntime } from './app';
import { tempDir } from './temp';

export interface HttpReply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One raw HTTP request; `path` is sent exactly as given (no normalisation). */
export function rawRequest(
  origin: string,
  reqPath: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpReply> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, path: reqPath, method: opts.method ?? 'GET', headers: opts.headers ?? {} },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A real host on a temp home with a one-file UI; `rateLimit` swaps in a router with that bucket (and clock). */
export async function startTestHost(
  opts: { rateLimit?: { capacity: number; refillPerSecond: number; now: () => number } } = {},
): Promise<{ host: Host; router: Router; home: string; staticDir: string }> {
  const home = tempDir();
  const staticDir = path.join(home, 'ui');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ui</title>');
  const rt = testRuntime(home);
  const router = opts.rateLimit
    ? createRouter({
        handlers: createHandlers(rt.services),
        logger: rt.logger,
        events: rt.events,
        rateLimit: opts.rateLimit,
      })
    : rt.router;
  const host = await startHost({ router, events: rt.events, logger: rt.logger, staticDir });
  return { host, router, home, staticDir };
}

/** Opens a socket the way the browser client does (token as the second subprotocol). */
export function openSocket(host: Host, token = host.token, wsPath = '/ws'): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${host.port}${wsPath}`, [WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX + token]);
}

/** Resolves when the socket opens; rejects with the handshake error (e.g. "Unexpected server response: 401"). */
export function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

/** The close code and reason the socket ends with. */
export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
}

/** Sends one request over the socket and resolves with its result. */
export function call(ws: WebSocket, id: number, channel: string, request: unknown = {}): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (d: WebSocket.RawData) => {
      const msg = JSON.parse(String(d)) as { type: string; id?: number; result?: unknown };
      if (msg.type === 'result' && msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, request }));
  });
}
