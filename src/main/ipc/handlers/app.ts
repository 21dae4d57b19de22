import type { appChannels } from '../../../shared/ipc/channels/app';
import type { Services } from '../../services';
import type { Handlers } from '../router';

export function appHandlers(services: Services): Pick<Handlers, keyof typeof appChannels> {
  return {
    'app:info': () => services.info(),
    'workspace:status': () => services.workspaceStatus(),
    'workspace:init': (req, ctx) => services.init(req, ctx),
  };
}
