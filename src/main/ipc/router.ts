import { AppError, isAppError, type IpcError, type Result } from '../../shared/errors';
import { codedFsError } from '../workspace/write-errors';
import {
  contract,
  isChannel,
  type Channel,
  type ParsedRequestOf,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc/contract';
import type { OperationContext } from '../context';
import type { EventBus } from '../events';
import { newCorrelationId } from '../observability/correlation';
import type { Logger } from '../observability/logger';
import { redactText } from '../observability/redact';
import { formatZodIssues } from '../validation';
import { createRateLimiter, type RateLimitOptions } from './rate-limit';

export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  ctx: OperationContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { readonly [C in Channel]: Handler<C> };

/** Who is calling: Electron's trusted window frame, a host session, the CLI, a test. */
export interface Caller {
  readonly id: string;
  /** Set by the transport after it checked the sender (frame URL, session token). */
  readonly trusted: boolean;
}

export interface InvokeOptions {
  readonly correlationId?: string;
  readonly signal?: AbortSignal;
}

export interface Router {
  /** For transports: the channel and request are untrusted input. */
  invoke(caller: Caller, channel: string, request: unknown, opts?: InvokeOptions): Promise<Result<unknown>>;
  /** The same, typed by the contract, for in-process callers (CLI, tests). */
  call<C extends Channel>(
    caller: Caller,
    channel: C,
    request: RequestOf<C>,
    opts?: InvokeOptions,
  ): Promise<Result<ResponseOf<C>>>;
  /** The caller is gone (a host session's last socket closed): its rate-limit bucket is freed once refilled. */
  release(callerId: string): void;
  /** How many callers hold a rate-limit bucket (tests check that closed sessions free theirs). */
  rateLimitBuckets(): number;
}

export interface RouterOptions {
  readonly handlers: Handlers;
  readonly logger: Logger;
  readonly events: EventBus;
  readonly rateLimit?: RateLimitOptions;
  /** Tokens a mutating call costs (reads cost 1). */
  readonly mutationCost?: number;
  /** Told about every handled call (timing, outcome): the metrics store listens here. Must not throw. */
  readonly onInvocation?: (inv: {
    operation: string;
    durationMs: number;
    ok: boolean;
    code?: string;
    request: unknown;
    value?: unknown;
  }) => void;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The transport-free router: checks the caller, applies a per-caller token bucket, validates the request
 * against the contract, runs the handler, and returns every outcome as a value.
 */
export function createRouter(opts: RouterOptions): Router {
  const limiter = createRateLimiter(opts.rateLimit ?? { capacity: 120, refillPerSecond: 60 });
  const mutationCost = opts.mutationCost ?? 5;

  function fail(error: IpcError): Result<never> {
    return { ok: false, error };
  }

  const router: Router = {
    release: (callerId) => limiter.release(callerId),
    rateLimitBuckets: () => limiter.size(),
    call: (caller, channel, request, callOpts) =>
      router.invoke(caller, channel, request, callOpts) as Promise<Result<ResponseOf<typeof channel>>>,
    async invoke(caller, channel, request, invokeOpts = {}) {
      const correlationId =
        invokeOpts.correlationId && CORRELATION_ID.test(invokeOpts.correlationId)
          ? invokeOpts.correlationId
          : newCorrelationId('ipc');
      const log = opts.logger.child({ component: 'ipc', correlationId });
      if (!caller.trusted) {
        log.warn('refused untrusted caller', { caller: caller.id, channel: redactText(String(channel)).slice(0, 80) });
        return fail({
          code: 'FORBIDDEN',
          message: 'This caller is not allowed to use the API.',
          hint: 'Open the app from its own window, or use the URL that `ai-config serve` printed.',
          correlationId,
        });
      }
      if (typeof channel !== 'string' || !isChannel(channel)) {
        return fail({
          code: 'UNKNOWN_CHANNEL',
          message: `There is no channel "${String(channel).slice(0, 80)}".`,
          hint: 'The app and its window may be different versions; restart the app.',
          correlationId,
        });
      }
      const def = contract[channel];
      const cost = def.mutates ? mutationCost : 1;
      if (!limiter.take(caller.id, cost)) {
        const after = limiter.retryAfter(caller.id, cost);
        log.warn('rate limited', { caller: caller.id, channel });
        return fail({
          code: 'RATE_LIMITED',
          message: `Too many requests; "${channel}" was refused.`,
          hint: `Wait ${Math.ceil(after * 10) / 10} s and try again.`,
          correlationId,
          details: { retryAfterSeconds: after },
        });
      }
      const parsed = def.request.safeParse(request ?? {});
      if (!parsed.success) {
        return fail({
          code: 'INVALID_REQUEST',
          message: `Invalid request for "${channel}": ${formatZodIssues(parsed.error)}.`,
          hint: 'Correct the named field and try again.',
          correlationId,
        });
      }
      const started = Date.now();
      const ctx: OperationContext = {
        correlationId,
        logger: opts.logger.child({ correlationId }),
        progress: (p) => opts.events.emit('progress', { operation: p.operation ?? channel, correlationId, ...p }),
        ...(invokeOpts.signal ? { signal: invokeOpts.signal } : {}),
      };
      try {
        const handler = opts.handlers[channel] as (req: unknown, ctx: OperationContext) => unknown;
        const value = await handler(parsed.data, ctx);
        log.debug('handled', { channel, ms: Date.now() - started });
        opts.onInvocation?.({
          operation: channel,
          durationMs: Date.now() - started,
          ok: true,
          request: parsed.data,
          value,
        });
        return { ok: true, value };
      } catch (thrown) {
        const e = codedFsError(thrown) ?? thrown;
        if (isAppError(e)) {
          log.info('expected failure', { channel, code: e.code, message: e.message, ms: Date.now() - started });
          opts.onInvocation?.({
            operation: channel,
            durationMs: Date.now() - started,
            ok: false,
            code: e.code,
            request: parsed.data,
          });
          return fail(e.toValue(correlationId));
        }
        log.error('unexpected error', {
          channel,
          error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e),
        });
        opts.onInvocation?.({
          operation: channel,
          durationMs: Date.now() - started,
          ok: false,
          code: 'INTERNAL',
          request: parsed.data,
        });
        return fail({
          code: 'INTERNAL',
          message: 'Something went wrong.',
          hint: `Copy the diagnostics (correlation id ${correlationId}) and report it; the log has the details.`,
          correlationId,
        });
      }
    },
  };
  return router;
}

/** Throws the error of a failed result, returns the value of a successful one. For CLI and tests. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppError(
    result.error.code,
    result.error.message,
    result.error.hint,
    result.error.details as Record<string, unknown> | undefined,
  );
}
