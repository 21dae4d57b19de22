import type http from 'node:http';
import type { IpcError } from '../../shared/errors';
import { HTTP_MAX_BODY } from '../../shared/host-protocol';
import type { Caller, Router } from '../ipc/router';

const NOT_JSON: IpcError = {
  code: 'INVALID_REQUEST',
  message: 'The body is not JSON.',
  hint: 'Send {"channel": "...", "request": {...}}.',
};
const TOO_LARGE: IpcError = {
  code: 'LIMIT_EXCEEDED',
  message: `The request body is larger than ${HTTP_MAX_BODY / (1024 * 1024)} MiB.`,
  hint: 'Send fewer or smaller files in one request.',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/** Answers 413 with a coded error, then drops the connection once the answer is flushed (the body is not read). */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader('connection', 'close');
  res.on('finish', () => req.destroy());
  sendJson(res, 413, { ok: false, error: TOO_LARGE });
}

/** POST /api/invoke: one router call over HTTP (the client's path for requests too big for a socket frame). */
export function handleHttpInvoke(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  router: Router,
  caller: Caller,
  done: () => void,
): void {
  req.on('error', () => undefined);
  if (Number(req.headers['content-length'] ?? 0) > HTTP_MAX_BODY) {
    refuseTooLarge(req, res);
    return;
  }
  let size = 0;
  let tooLarge = false;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (tooLarge) return;
    if (size <= HTTP_MAX_BODY) {
      chunks.push(c);
      return;
    }
    tooLarge = true;
    chunks.length = 0;
    refuseTooLarge(req, res);
  });
  req.on('end', () => {
    if (tooLarge) return;
    let body: { channel?: unknown; request?: unknown; correlationId?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      if (!body || typeof body !== 'object') throw new TypeError('not an object');
    } catch {
      sendJson(res, 400, { ok: false, error: NOT_JSON });
      return;
    }
    void router
      .invoke(
        caller,
        String(body.channel ?? ''),
        body.request,
        typeof body.correlationId === 'string' ? { correlationId: body.correlationId } : {},
      )
      .then((result) => sendJson(res, 200, result))
      .finally(done);
  });
}
