import type { ScanFinding } from '../../../shared/scan';
import { redact } from './secrets';

/** Values shorter than this are never reported (too short to judge, and too short to be most tokens). */
export const ENTROPY_MIN_LENGTH = 20;
/** Bits per character: random base64/base62 is ~4.3 and up at this length; words, paths and hex stay below. */
export const ENTROPY_THRESHOLD = 3.8;

/** Shannon entropy of a string, in bits per character. */
export function shannon(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const k of counts.values()) {
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;
const TOKEN_CHARS = /^[A-Za-z0-9+/=_\-.~]+$/;
/** Words and numbers joined by separators in one case (`my-project-123456-prod-db`): a name, not a token. */
const WORDY = /^(?:[a-z0-9]+(?:[-_.][a-z0-9]+)+|[A-Z0-9]+(?:[-_.][A-Z0-9]+)+)$/;
const AUTH_SCHEME = /^(?:Bearer|Basic|Token|token|bearer)\s+/;

/** Whether a value in an MCP server's `env` or `headers` looks like a literal secret. */
export function looksLikeSecret(raw: string): boolean {
  if (raw.includes('${')) return false;
  const value = raw.replace(AUTH_SCHEME, '');
  if (value.length < ENTROPY_MIN_LENGTH || !TOKEN_CHARS.test(value)) return false;
  if (UUID.test(value) || HEX.test(value) || value.startsWith('/') || value.startsWith('.')) return false;
  if (!/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (WORDY.test(value) && value.split(/[-_.]/).every((w) => w.length <= 12 || /^(?:[a-z]+|[A-Z]+|\d+)$/.test(w)))
    return false;
  return shannon(value) >= ENTROPY_THRESHOLD;
}

interface Candidate {
  readonly where: string;
  readonly value: string;
}

/** The `env` and `headers` values of every MCP server shape in a JSON document (a definition or a tool's map). */
function candidates(doc: unknown, depth = 0): Candidate[] {
  if (!doc || typeof doc !== 'object' || depth > 8) return [];
  if (Array.isArray(doc)) return doc.flatMap((d) => candidates(d, depth + 1));
  const o = doc as Record<string, unknown>;
  const out: Candidate[] = [];
  const isServer = typeof o.command === 'string' || typeof o.url === 'string';
  for (const [key, value] of Object.entries(o)) {
    if (isServer && (key === 'env' || key === 'headers') && value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        if (typeof v === 'string') out.push({ where: `${key}.${k}`, value: v });
    } else out.push(...candidates(value, depth + 1));
  }
  return out;
}

/** High-entropy literal values in MCP `env`/`headers` objects of a JSON file; nothing for text that is not JSON. */
export function findHighEntropy(file: string, text: string, lines: ReadonlyArray<string>, limit = 50): ScanFinding[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const out: ScanFinding[] = [];
  for (const c of candidates(doc)) {
    if (out.length >= limit) break;
    if (!looksLikeSecret(c.value)) continue;
    const needle = JSON.stringify(c.value).slice(1, -1);
    const i = lines.findIndex((l) => l.includes(needle));
    out.push({
      file,
      line: i + 1 || 1,
      ...(i >= 0 ? { column: lines[i]!.indexOf(needle) + 1 } : {}),
      rule: 'secret/high-entropy',
      severity: 'error',
      message: `${c.where} looks like a literal secret (${redact(c.value)}): use a \${NAME} placeholder instead`,
    });
  }
  return out;
}
