/**
 * The browser host's wire protocol, shared by the host (src/main/host) and its client (src/renderer/api).
 * The API token never travels in a cookie or a query string: the page gets it in the URL fragment, keeps it in
 * session storage, and sends it in an `Authorization: Bearer` header (HTTP) or a WebSocket subprotocol.
 */

/** The subprotocol the host selects; the client offers it first. */
export const WS_PROTOCOL = 'aicfg.v1';
/** The client's second subprotocol is this prefix plus the token (base64url, valid in a subprotocol name). */
export const WS_TOKEN_PROTOCOL_PREFIX = 'aicfg.token.';
/** The fragment key of the URL `ai-config serve` prints: `http://127.0.0.1:PORT/#token=…`. */
export const TOKEN_FRAGMENT_KEY = 'token';
/** Where the page keeps the token between reloads (session storage: this tab only, gone when it closes). */
export const TOKEN_STORAGE_KEY = 'aicfg.token';

/** The largest WebSocket frame the host accepts; a larger one closes that socket with {@link WS_CLOSE.tooBig}. */
export const WS_MAX_PAYLOAD = 1024 * 1024;
/** Requests whose JSON is longer than this (in UTF-8 bytes) go over HTTP instead of the socket. */
export const WS_INLINE_LIMIT = WS_MAX_PAYLOAD - 1024;
/** The largest HTTP request body the host reads (the big requests: imports, conflict resolutions). */
export const HTTP_MAX_BODY = 256 * 1024 * 1024;
/** The HTTP path of an invoke: POST `{ channel, request, correlationId }` with the Bearer header. */
export const HTTP_INVOKE_PATH = '/api/invoke';
/** The WebSocket path. */
export const WS_PATH = '/ws';

/** Close codes the host uses (RFC 6455 codes where one fits, 4xxx for ours); the close reason names the code. */
export const WS_CLOSE = {
  /** A frame larger than {@link WS_MAX_PAYLOAD} (RFC 6455 "message too big"). */
  tooBig: 1009,
  /** A text frame that is not valid UTF-8 (RFC 6455 "invalid frame payload data"). */
  invalidUtf8: 1007,
  /** A binary frame: the protocol is JSON text (RFC 6455 "unsupported data"). */
  binary: 1003,
  /** A text frame that is not a JSON object. */
  notJson: 4400,
  /** Another protocol error the socket reported. */
  protocolError: 1002,
  /** The host is shutting down. */
  goingAway: 1001,
} as const;

/** The `fragment` part of a URL (without `#`) parsed as `key=value&…`; the token, if any. */
export function tokenFromFragment(hash: string): string | undefined {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get(TOKEN_FRAGMENT_KEY);
  return token && /^[A-Za-z0-9_-]{16,256}$/.test(token) ? token : undefined;
}
