import { randomBytes } from 'node:crypto';

/** A short id that ties one user action to every log line and audit record it causes. */
export function newCorrelationId(prefix = 'op'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}
