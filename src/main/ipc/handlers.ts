import type { Services } from '../services';
import { appHandlers } from './handlers/app';
import { historyHandlers } from './handlers/history';
import { libraryHandlers } from './handlers/library';
import { agentsHandlers } from './handlers/agents';
import { indexHandlers } from './handlers/index';
import { sourcesHandlers } from './handlers/sources';
import { healthHandlers } from './handlers/health';
import { syncHandlers } from './handlers/sync';
import { secretsHandlers } from './handlers/secrets';
import { approvalsHandlers } from './handlers/approvals';
import type { Handlers } from './router';

/** Every contract channel mapped to the service call that answers it: one file per domain under ./handlers. */
export function createHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...libraryHandlers(services),
    ...agentsHandlers(services),
    ...historyHandlers(services),
    ...indexHandlers(services),
    ...sourcesHandlers(services),
    ...healthHandlers(services),
    ...syncHandlers(services),
    ...secretsHandlers(services),
    ...approvalsHandlers(services),
  };
}
