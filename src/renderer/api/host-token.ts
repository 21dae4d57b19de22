import { TOKEN_STORAGE_KEY, tokenFromFragment } from '../../shared/host-protocol';

/** Fired on window when the host refuses the stored token (a new `ai-config serve` run has a new one). */
export const SIGNED_OUT_EVENT = 'aicfg:signed-out';

/**
 * The host's API token for this tab: taken from the URL fragment `#token=…` (then removed from the address bar
 * and kept in session storage, so a reload keeps working), or from session storage.
 */
export function hostToken(): string | undefined {
  const fromUrl = tokenFromFragment(location.hash);
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    history.replaceState(null, '', location.pathname + location.search);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
}

/** Forgets the token the host refused and tells the page to show how to sign in again. */
export function signOut(): void {
  sessionStorage.removeItem(TOKEN_STORAGE_KEY);
  window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
}
