import type { syncChannels } from '../../../shared/ipc/channels/sync';
import type { Services } from '../../services';
import type { Handlers } from '../router';

export function syncHandlers(services: Services): Pick<Handlers, keyof typeof syncChannels> {
  return {
    'sync:detect': async (req) => ({ providers: await services.sync.detect(req) }),
    'sync:setup': (req, ctx) => services.sync.setup(req, ctx),
    'sync:status': () => services.sync.status(),
    'sync:conflicts': () => ({ conflicts: services.sync.conflicts() }),
    'sync:conflict': (req) => services.sync.conflict(req.path),
    'sync:resolve': (req, ctx) => services.sync.resolve(req, ctx),
    'sync:disconnect': (req, ctx) => services.sync.disconnect(req, ctx),
    'sync:incoming': () => ({ changes: services.sync.incoming() }),
    'sync:incoming:dismiss': () => ({ dismissed: services.sync.dismissIncoming() }),
  };
}
