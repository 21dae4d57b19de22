import type { secretsChannels } from '../../../shared/ipc/channels/secrets';
import type { Services } from '../../services';
import type { Handlers } from '../router';

export function secretsHandlers(services: Services): Pick<Handlers, keyof typeof secretsChannels> {
  return {
    'secrets:list': () => ({ secrets: services.secretsService.list() }),
    'secrets:set': (req, ctx) => services.secretsService.set(req, ctx),
    'secrets:remove': (req, ctx) => services.secretsService.remove(req, ctx),
  };
}
