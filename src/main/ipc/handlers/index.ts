import type { indexChannels } from '../../../shared/ipc/channels/index';
import type { Services } from '../../services';
import type { Handlers } from '../router';

export function indexHandlers(services: Services): Pick<Handlers, keyof typeof indexChannels> {
  return {
    'index:search': (req, ctx) => {
      services.requireSettings();
      return services.index.search(req, ctx);
    },
    'index:rebuild': (_req, ctx) => {
      services.requireSettings();
      return services.index.rebuild(ctx);
    },
    'index:stats': () => {
      services.requireSettings();
      return services.index.stats();
    },
  };
}
