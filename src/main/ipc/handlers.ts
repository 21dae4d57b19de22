import type { Services } from '../services';
import type { Handlers } from './router';

/** Maps every contract channel to the service call that answers it. */
export function createHandlers(services: Services): Handlers {
  return {
    'app:info': () => services.info(),
    'workspace:status': () => services.workspaceStatus(),
    'workspace:init': (req, ctx) => services.init(req, ctx),
    'library:tree': async () => ({ entries: await services.libraryTree() }),
    'library:read': (req) => services.readFile(req.source, req.path),
  };
}
