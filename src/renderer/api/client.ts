import type { Api } from '../../shared/ipc/contract';
import { createHostClient } from './host-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser, where the host client stands in. */
    api?: Api;
  }
}

let api: Api | undefined;

/** The API the UI talks to: the preload's in Electron, the WebSocket client in the browser. */
export function getApi(): Api {
  api ??= window.api ?? createHostClient();
  return api;
}

let seq = 0;
/** A correlation id for one user action; it travels through the router into every log line it causes. */
export function newActionId(action: string): string {
  seq += 1;
  return `ui-${action.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}-${Date.now().toString(36)}${seq}`;
}
