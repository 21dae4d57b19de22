import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/** Exposes exactly `window.api.invoke` and `window.api.on`, nothing else. */
contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, request: unknown, opts?: { correlationId?: string }) => {
    if (typeof channel !== 'string') return Promise.reject(new TypeError('channel must be a string'));
    return ipcRenderer.invoke('api:invoke', { channel, request, correlationId: opts?.correlationId });
  },
  on: (event: string, listener: (payload: unknown) => void) => {
    const handler = (_e: IpcRendererEvent, msg: { event: string; payload: unknown }) => {
      if (msg.event === event) listener(msg.payload);
    };
    ipcRenderer.on('api:event', handler);
    return () => {
      ipcRenderer.removeListener('api:event', handler);
    };
  },
});
