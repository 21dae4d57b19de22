import { shell, type WebContents } from 'electron';

/** Sites a link in the app may open in the user's browser; everything else is dropped. */
const EXTERNAL_ALLOWED = /^https:\/\/(github\.com|docs\.anthropic\.com|modelcontextprotocol\.io)\//;

/** True when `url` is the app's own page (ignoring the fragment). */
export function isAppPage(url: string, indexUrl: string): boolean {
  return url.split('#')[0] === indexUrl;
}

/** No new windows (allowlisted links go to the browser), no navigation away from the app, no webviews. */
export function hardenContents(contents: WebContents, indexUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOWED.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, indexUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
