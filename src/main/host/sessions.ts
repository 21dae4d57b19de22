import type { Router } from '../ipc/router';

/** Counts a session's open sockets and frees its rate-limit bucket when none is left. */
export interface SessionTracker {
  opened(callerId: string): void;
  closed(callerId: string): void;
  /** After an HTTP call: frees the bucket if the session has no socket open. */
  idle(callerId: string): void;
  /** Open sockets over all sessions. */
  sockets(): number;
}

/** A tracker that tells the router when a session is gone. */
export function createSessionTracker(router: Router): SessionTracker {
  const open = new Map<string, number>();
  return {
    opened(callerId) {
      open.set(callerId, (open.get(callerId) ?? 0) + 1);
    },
    closed(callerId) {
      const left = (open.get(callerId) ?? 1) - 1;
      if (left > 0) {
        open.set(callerId, left);
        return;
      }
      open.delete(callerId);
      router.release(callerId);
    },
    idle(callerId) {
      if (!open.has(callerId)) router.release(callerId);
    },
    sockets: () => [...open.values()].reduce((a, b) => a + b, 0),
  };
}
