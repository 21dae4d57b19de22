import type { WebContents } from 'electron';

/** True when an IPC message comes from our own window's main frame, loaded from our own files. */
export function isTrustedSender(
  sender: WebContents,
  frameUrl: string | undefined,
  isMainFrame: boolean,
  appIndexUrl: string,
  mainContents: WebContents | undefined,
): boolean {
  if (!mainContents || sender.id !== mainContents.id || !isMainFrame || !frameUrl) return false;
  return frameUrl.split('#')[0]!.split('?')[0] === appIndexUrl;
}
