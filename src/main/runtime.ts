import path from 'node:path';
import type { AppInfo } from '../shared/ipc/channels/app';
import { createEventBus, type EventBus } from './events';
import { createHandlers } from './ipc/handlers';
import { createRouter, type Router } from './ipc/router';
import { createLogger, type LogLevel, type Logger, type LogRecord } from './observability/logger';
import { registerSecretsFromEnv } from './observability/redact';
import { createServices, type Services } from './services';
import type { KeyProvider } from './secrets/store';
import { makePaths, resolveHome } from './workspace/paths';
import { afterStartUp } from './start-up';
import { loadSettings } from './workspace/settings';

export interface RuntimeOptions {
  readonly host: AppInfo['host'];
  readonly version: string;
  readonly assetsDir: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly home?: string;
  readonly logLevel?: LogLevel;
  readonly component?: string;
  readonly logSinks?: ReadonlyArray<(r: LogRecord) => void>;
  readonly keyProvider?: KeyProvider;
}

export interface Runtime {
  readonly services: Services;
  readonly router: Router;
  readonly events: EventBus;
  readonly logger: Logger;
}

function levelFrom(env: NodeJS.ProcessEnv, home: string, explicit?: LogLevel): LogLevel {
  if (explicit) return explicit;
  const fromEnv = env.AI_CONFIG_LOG_LEVEL;
  if (fromEnv === 'debug' || fromEnv === 'info' || fromEnv === 'warn' || fromEnv === 'error') return fromEnv;
  try {
    return loadSettings(makePaths(home).settings)?.logging.level ?? 'info';
  } catch {
    return 'info';
  }
}

/** The environment variable names settings use for tokens (their values are redacted everywhere). */
function tokenEnvNames(home: string): string[] {
  try {
    return (loadSettings(makePaths(home).settings)?.sources ?? []).flatMap((s) => (s.tokenEnv ? [s.tokenEnv] : []));
  } catch {
    return [];
  }
}

/** Wires one process: logger, event bus, services and the router over them. Used by the shell, the host and the CLI. */
export function createRuntime(opts: RuntimeOptions): Runtime {
  const env = opts.env ?? process.env;
  registerSecretsFromEnv(env, tokenEnvNames(opts.home ?? resolveHome(env)));
  const home = opts.home ?? resolveHome(env);
  const events = createEventBus();
  const logger = createLogger({
    dir: path.join(home, 'state', 'logs'),
    level: levelFrom(env, home, opts.logLevel),
    component: opts.component ?? opts.host,
    sinks: [
      (r) =>
        events.emit('log', {
          level: r.level,
          time: r.time,
          component: r.component,
          msg: r.msg,
          ...(r.correlationId ? { correlationId: r.correlationId } : {}),
        }),
      ...(opts.logSinks ?? []),
    ],
  });
  const services = createServices({
    home,
    assetsDir: opts.assetsDir,
    version: opts.version,
    host: opts.host,
    logger,
    events,
    ...(opts.keyProvider ? { keyProvider: opts.keyProvider } : {}),
    env,
  });
  const router = afterStartUp(
    createRouter({
      handlers: createHandlers(services),
      logger,
      events,
      onInvocation: (inv) => services.health.metrics.recordInvocation(inv),
    }),
    () => services.recoverAtStart(),
  );
  return { services, router, events, logger };
}
