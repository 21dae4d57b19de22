import type { IpcError, Result } from '../../shared/errors';
import {
  HTTP_INVOKE_PATH,
  WS_INLINE_LIMIT,
  WS_PATH,
  WS_PROTOCOL,
  WS_TOKEN_PROTOCOL_PREFIX,
} from '../../shared/host-protocol';
import type { Api, EventName, Events } from '../../shared/ipc/contract';
import { hostToken, signOut } from './host-token';

type Pending = { resolve: (r: Result<unknown>) => void };

const LOST: IpcError = {
  code: 'INTERNAL',
  message: 'The connection to AI Configurator was lost.',
  hint: 'Check that `ai-config serve` is still running, then retry.',
};
const UNREACHABLE: IpcError = {
  code: 'INTERNAL',
  message: 'Could not reach AI Configurator.',
  hint: 'Start it with `ai-config serve` and open the URL it prints.',
};
const SIGNED_OUT: IpcError = {
  code: 'FORBIDDEN',
  message: 'This page is not signed in to AI Configurator.',
  hint: 'Open the URL that `ai-config serve` printed (it ends in #token=…).',
};

/** True when the JSON of a request is too big for one socket frame (UTF-8 bytes, counted only when it may be). */
function tooBigForSocket(text: string): boolean {
  return text.length * 3 > WS_INLINE_LIMIT && new TextEncoder().encode(text).length > WS_INLINE_LIMIT;
}

/**
 * `window.api` for the browser: the same interface as the Electron preload, over the host's WebSocket.
 * The socket offers the token as a subprotocol (browsers cannot set headers on a WebSocket); requests too big for
 * a frame go over HTTP with an `Authorization` header. Reconnects with back-off; calls made while disconnected
 * wait for the socket, and calls in flight when it drops fail as values.
 */
export function createHostClient(
  url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`,
): Api {
  const token = hostToken();
  let ws: WebSocket | undefined;
  let open: Promise<WebSocket> | undefined;
  let seq = 0;
  let delay = 250;
  let signedOut = !token;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();

  async function overHttp(body: string): Promise<Result<unknown>> {
    try {
      const res = await fetch(HTTP_INVOKE_PATH, {
        method: 'POST',
        headers: { authorization: `Bearer ${token ?? ''}`, 'content-type': 'application/json' },
        body,
        credentials: 'omit',
      });
      if (res.status === 401) {
        signedOut = true;
        signOut();
        return { ok: false, error: SIGNED_OUT };
      }
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
  }

  /** After a refused handshake: asks over HTTP whether the token is still valid (a socket cannot say why). */
  async function checkToken(): Promise<void> {
    await overHttp(JSON.stringify({ channel: 'app:info', request: {} }));
  }

  function connect(): Promise<WebSocket> {
    if (signedOut) return Promise.reject(new Error('signed out'));
    if (open) return open;
    open = new Promise((resolve, reject) => {
      const sock = new WebSocket(url, [WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX + token]);
      sock.onopen = () => {
        ws = sock;
        delay = 250;
        resolve(sock);
      };
      sock.onmessage = (ev) => {
        const msg = JSON.parse(String(ev.data)) as {
          type: string;
          id?: number;
          result?: Result<unknown>;
          event?: EventName;
          payload?: unknown;
        };
        if (msg.type === 'result' && typeof msg.id === 'number') {
          pending.get(msg.id)?.resolve(msg.result as Result<unknown>);
          pending.delete(msg.id);
        } else if (msg.type === 'event' && msg.event) {
          for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
        }
      };
      sock.onclose = () => {
        const wasOpen = ws === sock;
        ws = undefined;
        open = undefined;
        for (const [id, p] of pending) {
          p.resolve({ ok: false, error: LOST });
          pending.delete(id);
        }
        if (!wasOpen) {
          reject(new Error('connect failed'));
          void checkToken();
        }
        setTimeout(() => void connect().catch(() => undefined), delay);
        delay = Math.min(delay * 2, 5000);
      };
    });
    return open;
  }
  void connect().catch(() => undefined);

  return {
    async invoke(channel, request, opts) {
      if (signedOut) return { ok: false, error: SIGNED_OUT };
      const id = ++seq;
      const text = JSON.stringify({ id, channel, request, correlationId: opts?.correlationId });
      if (tooBigForSocket(text)) return overHttp(text) as ReturnType<Api['invoke']>;
      let sock: WebSocket;
      try {
        sock = ws ?? (await connect());
      } catch {
        return { ok: false, error: signedOut ? SIGNED_OUT : UNREACHABLE };
      }
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        sock.send(text);
      }) as ReturnType<Api['invoke']>;
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
}
