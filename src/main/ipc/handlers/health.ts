import type { healthChannels } from '../../../shared/ipc/channels/health';
import type { Services } from '../../services';
import type { Handlers } from '../router';
import { checkOutputFile } from '../../workspace/user-path';

/** Health, doctor, logs, audit, metrics and diagnostics channels. */
export function healthHandlers(services: Services): Pick<Handlers, keyof typeof healthChannels> {
  const h = services.health;
  return {
    'health:check': (req, ctx) => h.check(req.only ? { only: req.only } : {}, ctx),
    'health:repair': (req, ctx) => h.repair(req.id, req.target, ctx),
    'health:doctor': (req, ctx) => h.doctor(req.fix, ctx),
    'logs:query': (req) => ({ lines: h.logs(req) }),
    'audit:list': (req) => ({ entries: h.audit(req) }),
    'metrics:summary': () => h.summary(),
    'diagnostics:write': (req, ctx) => h.diagnostics(checkOutputFile(req.file, req), ctx),
  };
}
