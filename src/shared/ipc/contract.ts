import type { z } from 'zod';
import type { ChannelDef } from './define';
import { appChannels } from './channels/app';
import { historyChannels } from './channels/history';
import { libraryChannels } from './channels/library';
import { agentsChannels } from './channels/agents';
import { indexChannels } from './channels/index';
import { sourcesChannels } from './channels/sources';
import { healthChannels } from './channels/health';
import { syncChannels } from './channels/sync';
import { secretsChannels } from './channels/secrets';
import { approvalsChannels } from './channels/approvals';
import type { IncomingEvent } from '../sync';
import type { Result } from '../errors';

/** Every request/response channel. One object per domain under ./channels, merged here. */
export const contract = {
  ...appChannels,
  ...libraryChannels,
  ...agentsChannels,
  ...historyChannels,
  ...indexChannels,
  ...sourcesChannels,
  ...healthChannels,
  ...syncChannels,
  ...secretsChannels,
  ...approvalsChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;

type DefOf<C extends Channel> = Contract[C];
export type RequestOf<C extends Channel> = DefOf<C> extends ChannelDef<infer Req, unknown> ? z.input<Req> : never;
export type ParsedRequestOf<C extends Channel> =
  DefOf<C> extends ChannelDef<infer Req, unknown> ? z.output<Req> : never;
export type ResponseOf<C extends Channel> = DefOf<C> extends ChannelDef<z.ZodType, infer Res> ? Res : never;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Progress of long work (clone, index, install), streamed to the UI and CLI. */
export interface ProgressEvent {
  readonly operation: string;
  readonly correlationId: string;
  readonly phase: string;
  /** 0..100, or undefined when the total is unknown. */
  readonly percent?: number;
  readonly message?: string;
  readonly done?: boolean;
}

export interface LogEvent {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly time: string;
  readonly component: string;
  readonly msg: string;
  readonly correlationId?: string;
}

export interface FilesChangedEvent {
  readonly source: string;
  readonly paths: ReadonlyArray<string>;
}

/** Event channels pushed from main to the renderer. */
export interface Events {
  progress: ProgressEvent;
  log: LogEvent;
  'files:changed': FilesChangedEvent;
  /** Personal-workspace files changed by another machine through the sync folder (see main/sync/incoming.ts). */
  'sync:incoming': IncomingEvent;
}
export type EventName = keyof Events;
export const EVENT_NAMES: ReadonlyArray<EventName> = ['progress', 'log', 'files:changed', 'sync:incoming'];

/** The whole surface the renderer sees as `window.api`, in Electron (preload) and in the browser (host client). */
export interface Api {
  invoke<C extends Channel>(
    channel: C,
    request: RequestOf<C>,
    opts?: { correlationId?: string },
  ): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
