import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { WS_TOKEN_PROTOCOL_PREFIX } from '../../shared/host-protocol';

/** Constant-time comparison of a presented token with the run's token. */
export function sameSecret(presented: string | undefined, token: string): boolean {
  if (!presented) return false;
  const x = Buffer.from(presented);
  const y = Buffer.from(token);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(req: http.IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

/** The token a browser WebSocket offers as its `aicfg.token.…` subprotocol (browsers cannot set headers). */
export function subprotocolToken(req: http.IncomingMessage): string | undefined {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',');
  const entry = offered.map((p) => p.trim()).find((p) => p.startsWith(WS_TOKEN_PROTOCOL_PREFIX));
  return entry?.slice(WS_TOKEN_PROTOCOL_PREFIX.length);
}

/** The rate-limit caller id of a session: one per token, never the token itself. */
export function sessionCallerId(token: string): string {
  return `host-session-${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}
