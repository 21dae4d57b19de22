import type { Channel, RequestOf, ResponseOf } from '../shared/ipc/contract';
import type { Runtime } from '../main/runtime';
import { newCorrelationId } from '../main/observability/correlation';
import { fromIpcError, progressPrinter, type Io } from './output';
import { safeIo } from './safe-text';

export interface GlobalFlags {
  readonly json: boolean;
  readonly debug: boolean;
}

/** What a command gets: the runtime, a typed `call` through the router, output, and flags. */
export interface CommandContext {
  readonly runtime: Runtime;
  readonly io: Io;
  readonly flags: GlobalFlags;
  readonly correlationId: string;
  /** Set to make the command exit non-zero after printing its result (e.g. `health` when a check fails). */
  exitCode: number;
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
}

export function makeCommandContext(runtime: Runtime, io: Io, flags: GlobalFlags, command: string): CommandContext {
  const correlationId = newCorrelationId('cli');
  const bar = progressPrinter(io, !flags.json);
  runtime.events.on('progress', (p) => {
    if (p.correlationId !== correlationId) return;
    if (p.done) bar.done();
    else bar.update(p.message ? `${p.phase}: ${p.message}` : p.phase, p.percent);
  });
  runtime.logger.child({ component: 'cli', correlationId }).info('command', { command });
  return {
    runtime,
    // Names and paths from libraries and projects are untrusted: a U+202E or an escape sequence must not reach the
    // terminal as such. The progress bar above writes its own control sequences to the raw stream.
    io: safeIo(io, flags.json),
    flags,
    correlationId,
    exitCode: 0,
    async call(channel, request) {
      const result = await runtime.router.call({ id: 'cli', trusted: true }, channel, request, { correlationId });
      bar.done();
      if (!result.ok) throw fromIpcError(result.error);
      return result.value;
    },
  };
}
