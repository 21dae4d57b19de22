import type { Result } from '../../shared/errors';
import type { Api, EventName, Events } from '../../shared/ipc/contract';

type Pending = { resolve: (r: Result<unknown>) => void };

/**
 * `window.api` for the browser: the same interface as the Electron preload, over the host's WebSocket.
 * The session cookie set by /auth authenticates the socket. Reconnects with back-off; calls made while
 * disconnected wait for the socket, and calls in flight when it drops fail as values.
 */
export function createHostClient(url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`): Api {
  let ws: WebSocket | undefined;
  let open: Promise<WebSocket> | undefined;
  let seq = 0;
  let delay = 250;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();

  function connect(): Promise<WebSocket> {
    if (open) return open;
    open = new Promise((resolve, reject) => {
      const sock = new WebSocket(url);
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
          p.resolve({
            ok: false,
            error: {
              code: 'INTERNAL',
              message: 'The connection to AI Configurator was lost.',
              hint: 'Check that `ai-config serve` is still running, then retry.',
            },
          });
          pending.delete(id);
        }
        if (!wasOpen) reject(new Error('connect failed'));
        setTimeout(() => void connect().catch(() => undefined), delay);
        delay = Math.min(delay * 2, 5000);
      };
    });
    return open;
  }
  void connect().catch(() => undefined);

  return {
    async invoke(channel, request, opts) {
      let sock: WebSocket;
      try {
        sock = ws ?? (await connect());
      } catch {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: 'Could not reach AI Configurator.',
            hint: 'Start it with `ai-config serve` and open the URL it prints.',
          },
        };
      }
      const id = ++seq;
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        sock.send(JSON.stringify({ id, channel, request, correlationId: opts?.correlationId }));
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
