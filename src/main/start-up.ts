import type { Router } from './ipc/router';

/**
 * The router, with every call waiting for `start` (the start-up recovery, run once, at the first call), so no
 * command, window request or host call sees a workspace that a killed process left half changed.
 */
export function afterStartUp(router: Router, start: () => Promise<void>): Router {
  let started: Promise<void> | undefined;
  const ready = () => (started ??= start());
  return {
    async invoke(caller, channel, request, opts) {
      await ready();
      return router.invoke(caller, channel, request, opts);
    },
    call: (async (caller, channel, request, opts) => {
      await ready();
      return router.call(caller, channel, request, opts);
    }) as Router['call'],
    release: (callerId) => router.release(callerId),
    rateLimitBuckets: () => router.rateLimitBuckets(),
  };
}
