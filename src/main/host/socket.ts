import type { WebSocket } from 'ws';
import { EVENT_NAMES } from '../../shared/ipc/contract';
import { WS_CLOSE } from '../../shared/host-protocol';
import type { EventBus } from '../events';
import type { Caller, Router } from '../ipc/router';
import type { Logger } from '../observability/logger';

export interface SocketDeps {
  readonly router: Router;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly caller: Caller;
  readonly onClose: () => void;
}

/** The close code ws uses for a receiver error (frame too big, invalid UTF-8, protocol violation). */
function closeCodeOf(err: Error): number {
  const code = (err as { code?: string }).code;
  if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return WS_CLOSE.tooBig;
  if (code === 'WS_ERR_INVALID_UTF8') return WS_CLOSE.invalidUtf8;
  return WS_CLOSE.protocolError;
}

/** A parsed client message, or undefined when the frame is not a JSON object. */
function parseMessage(data: unknown): Record<string, unknown> | undefined {
  try {
    const msg: unknown = JSON.parse(String(data));
    return msg && typeof msg === 'object' && !Array.isArray(msg) ? (msg as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves one authenticated socket: requests in, results and events out. A bad frame closes this socket with a
 * coded reason and never reaches the process: ws closes it itself (1009 too big, 1007 invalid UTF-8) and reports
 * the error here; a binary or non-JSON frame is closed here.
 */
export function serveSocket(ws: WebSocket, deps: SocketDeps): void {
  const log = deps.logger;
  const unsubscribe = EVENT_NAMES.map((event) =>
    deps.events.on(event, (payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'event', event, payload }));
    }),
  );
  ws.on('error', (err) => {
    log.warn('socket closed after a bad frame', {
      caller: deps.caller.id,
      code: (err as { code?: string }).code,
      closeCode: closeCodeOf(err),
    });
    if (ws.readyState === ws.OPEN) ws.close(closeCodeOf(err), 'BAD_FRAME');
  });
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      ws.close(WS_CLOSE.binary, 'BINARY_FRAME: send JSON text');
      return;
    }
    const msg = parseMessage(data);
    if (!msg) {
      ws.close(WS_CLOSE.notJson, 'INVALID_REQUEST: the frame is not a JSON object');
      return;
    }
    const id = msg.id;
    void deps.router
      .invoke(
        deps.caller,
        String(msg.channel ?? ''),
        msg.request,
        typeof msg.correlationId === 'string' ? { correlationId: msg.correlationId } : {},
      )
      .then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }));
      })
      .catch((e: unknown) => log.error('socket reply failed', { error: String(e) }));
  });
  ws.on('close', () => {
    unsubscribe.forEach((u) => u());
    deps.onClose();
  });
}
