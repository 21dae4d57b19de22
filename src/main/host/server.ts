import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocket } from 'ws';
import {
  HTTP_INVOKE_PATH,
  TOKEN_FRAGMENT_KEY,
  WS_CLOSE,
  WS_MAX_PAYLOAD,
  WS_PATH,
  WS_PROTOCOL,
} from '../../shared/host-protocol';
import type { EventBus } from '../events';
import type { Router } from '../ipc/router';
import type { Logger } from '../observability/logger';
import { bearerToken, sameSecret, sessionCallerId, subprotocolToken } from './auth';
import { handleHttpInvoke } from './http-invoke';
import { createSessionTracker } from './sessions';
import { serveSocket } from './socket';
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
  /** The URL to open: the token rides in the fragment, which a browser never sends to any server. */
  readonly url: string;
  readonly token: string;
  /** Open sockets (tests check that closed ones are forgotten). */
  sockets(): number;
  close(): Promise<void>;
}

const NOT_SIGNED_IN =
  'Not signed in. Open the URL that `ai-config serve` printed (it carries a one-run token after #token=).';

function refuse(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}

/**
 * The browser host: the same router as the Electron window, over HTTP and a WebSocket on 127.0.0.1 only.
 * The static UI is public (it holds no secret); every API call and socket must present the per-run token in an
 * `Authorization: Bearer` header or the socket's subprotocol, never in a cookie or query string. The Host and Origin
 * headers must name this server, which blocks DNS rebinding and cross-site requests.
 */
export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const callerId = sessionCallerId(token);
  const caller = { id: callerId, trusted: true };
  const log = opts.logger.child({ component: 'host' });
  const sessions = createSessionTracker(opts.router);
  let port = 0;
  const hostOk = (req: http.IncomingMessage) =>
    req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
  const originOk = (req: http.IncomingMessage) =>
    !req.headers.origin ||
    req.headers.origin === `http://127.0.0.1:${port}` ||
    req.headers.origin === `http://localhost:${port}`;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostOk(req)) return refuse(res, 421, 'Misdirected request.');
    if (!originOk(req)) return refuse(res, 403, 'Cross-origin requests are refused.');
    if (url.pathname === HTTP_INVOKE_PATH) {
      if (!sameSecret(bearerToken(req), token)) return refuse(res, 401, NOT_SIGNED_IN);
      if (req.method !== 'POST') return refuse(res, 405, 'POST a JSON body.');
      handleHttpInvoke(req, res, opts.router, caller, () => sessions.idle(callerId));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET serves the UI.');
    serveStatic(
      opts.staticDir,
      url.pathname,
      res,
      contentSecurityPolicy(`ws://127.0.0.1:${port} ws://localhost:${port}`),
    );
  });

  // Loaded here, not at the top: only `serve` and the desktop window need it, and it costs every CLI command ~20 ms.
  const { WebSocketServer } = await import('ws');
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: WS_MAX_PAYLOAD,
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => undefined);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const presented = bearerToken(req) ?? subprotocolToken(req);
    if (url.pathname !== WS_PATH || !hostOk(req) || !originOk(req) || !sameSecret(presented, token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      sessions.opened(callerId);
      serveSocket(ws, {
        router: opts.router,
        events: opts.events,
        logger: log,
        caller,
        onClose: () => {
          sockets.delete(ws);
          sessions.closed(callerId);
        },
      });
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());

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
    url: `${origin}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    token,
    sockets: () => sockets.size,
    close: async () => {
      for (const s of sockets) s.close(WS_CLOSE.goingAway, 'HOST_STOPPING');
      for (const s of sockets) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
