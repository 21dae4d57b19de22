import { createHash } from 'node:crypto';

/** A short content hash for the manifest (sha256, 16 hex digits). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
