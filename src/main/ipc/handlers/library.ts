import type { libraryChannels } from '../../../shared/ipc/channels/library';
import type { Services } from '../../services';
import type { Handlers } from '../router';

export function libraryHandlers(services: Services): Pick<Handlers, keyof typeof libraryChannels> {
  return {
    'library:tree': async (_req, ctx) => ({ entries: await services.libraryTree(ctx) }),
    'library:read': (req) => services.readFile(req.source, req.path),
  };
}
