import type { sourcesChannels } from '../../../shared/ipc/channels/sources';
import type { Services } from '../../services';
import type { Handlers } from '../router';

/** `sources:*` channels: the library sources service. */
export function sourcesHandlers(services: Services): Pick<Handlers, keyof typeof sourcesChannels> {
  const s = services.sources;
  return {
    'sources:list': async () => ({ sources: await s.list() }),
    'sources:add': (req, ctx) => s.add(req, ctx),
    'sources:remove': (req, ctx) => s.remove(req.name, ctx),
    'sources:update': async (req, ctx) => ({ results: await s.update(req.name, ctx) }),
    'sources:log': (req) => s.log(req.name, req.limit),
    'sources:pin': (req, ctx) => s.pin(req.name, req.ref, ctx),
    'sources:unpin': (req, ctx) => s.unpin(req.name, ctx),
    'sources:rollback': (req, ctx) => s.rollback(req.name, ctx),
    'sources:rollforward': (req, ctx) => s.rollforward(req.name, ctx),
    'sources:diff': (req) => s.diff(req.name, req.path, req.from, req.to),
    'sources:resolve': (req, ctx) => s.resolve(req.name, req.path, req.choice, ctx),
    'sources:acceptHostKey': (req, ctx) => s.acceptHostKey(req.url, req.fingerprint, ctx),
    'sources:cancel': (req) => s.cancel(req.correlationId),
    'sources:ignore': (req, ctx) => s.ignore(req.name, req.pattern, req.remove ?? false, ctx),
  };
}
