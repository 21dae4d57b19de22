import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocket } from 'ws';
import { EVENT_NAMES } from '../../shared/ipc/contract';
import type { EventBus } from '../events';
import type { Router } from '../ipc/router';
import type { Logger } from '../observability/logger';
import { contentSecurityPolicy, serveStatic } from './static';

export interface HostOptions {
  readonly router: Router;
  readonly events: EventBus;
  readonly logger: Logger;
  /** Folder of the built renderer (dist/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Fixed token (tests); by default a random one per run. */
  readonly token?: string;
}

export interface Host {
  readonly port: number;
  readonly origin: string;
  /** The URL to open once: it carries the token, which the host moves into an HttpOnly cookie. */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

const COOKIE = 'aicfg_session';
const MAX_BODY = 1024 * 1024;

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

function bearerToken(req: http.IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

/**
 * The browser host: the same router as the Electron window, over HTTP and a WebSocket on 127.0.0.1 only.
 * Every request and socket must carry the per-run token (cookie or Bearer header); the Host and Origin
 * headers must name this server, which blocks DNS rebinding and cross-site sockets.
 */
export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const log = opts.logger.child({ component: 'host' });
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const authed = (req: http.IncomingMessage) =>
    sameSecret(cookieToken(req), token) || sameSecret(bearerToken(req), token);
  let callerSeq = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request.');
      return;
    }
    if (url.pathname === '/auth') {
      if (!sameSecret(url.searchParams.get('token') ?? undefined, token)) {
        res
          .writeHead(401, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Wrong or expired token. Open the URL that `ai-config serve` printed in this run.');
        return;
      }
      res
        .writeHead(302, {
          'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          location: '/',
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
        })
        .end();
      return;
    }
    if (!authed(req)) {
      res
        .writeHead(401, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Not signed in. Open the URL that `ai-config serve` printed (it carries a one-run token).');
      return;
    }
    if (url.pathname === '/api/invoke' && req.method === 'POST') {
      if (req.headers.origin && !allowedOrigins().has(req.headers.origin)) {
        res.writeHead(403).end();
        return;
      }
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', () => {
        let body: { channel?: unknown; request?: unknown; correlationId?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              ok: false,
              error: {
                code: 'INVALID_REQUEST',
                message: 'The body is not JSON.',
                hint: 'Send {"channel": "...", "request": {...}}.',
              },
            }),
          );
          return;
        }
        void opts.router
          .invoke(
            { id: 'host-http', trusted: true },
            String(body.channel ?? ''),
            body.request,
            typeof body.correlationId === 'string' ? { correlationId: body.correlationId } : {},
          )
          .then((result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)));
      });
      return;
    }
    serveStatic(
      opts.staticDir,
      url.pathname,
      res,
      contentSecurityPolicy(`ws://127.0.0.1:${port} ws://localhost:${port}`),
    );
  });

  // Loaded here, not at the top: only `serve` and the desktop window need it, and it costs every CLI command ~20 ms.
  const { WebSocketServer } = await import('ws');
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const originOk = !req.headers.origin || allowedOrigins().has(req.headers.origin);
    if (url.pathname !== '/ws' || !allowedHosts().has(req.headers.host ?? '') || !originOk || !authed(req)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    const caller = { id: `host-ws-${++callerSeq}`, trusted: true };
    const unsubscribe = EVENT_NAMES.map((event) =>
      opts.events.on(event, (payload) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'event', event, payload }));
      }),
    );
    ws.on('message', (data) => {
      let msg: { id?: unknown; channel?: unknown; request?: unknown; correlationId?: unknown };
      try {
        msg = JSON.parse(String(data)) as typeof msg;
      } catch {
        return;
      }
      const id = msg.id;
      void opts.router
        .invoke(
          caller,
          String(msg.channel ?? ''),
          msg.request,
          typeof msg.correlationId === 'string' ? { correlationId: msg.correlationId } : {},
        )
        .then((result) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }));
        });
    });
    ws.on('close', () => {
      sockets.delete(ws);
      unsubscribe.forEach((u) => u());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  log.info('host listening', { origin });
  return {
    port,
    origin,
    url: `${origin}/auth?token=${token}`,
    token,
    close: async () => {
      for (const s of sockets) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
