/** Keys whose values are never written anywhere (logs, errors, diagnostics). */
const SECRET_KEY = /(token|password|passwd|secret|authorization|api[-_]?key|credential|private[-_]?key|cookie)/i;

/** Patterns of secrets inside free text. */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/(https?:\/\/)([^\s/@:]+)(:[^\s/@]*)?@/gi, '$1[REDACTED]@'],
  [/\b(Bearer|Basic|token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [REDACTED]'],
  [/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16})\b/g, '[REDACTED]'],
];

const extraSecrets = new Set<string>();

/** Registers a literal secret (e.g. a token read from the environment) so it is scrubbed everywhere. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) extraSecrets.add(value);
}

export function redactText(text: string): string {
  let out = text;
  for (const s of extraSecrets) out = out.split(s).join('[REDACTED]');
  for (const [re, rep] of SECRET_PATTERNS) out = out.replace(re, rep);
  return out;
}

/** Deep copy with secret-named keys masked and secret patterns scrubbed from strings. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    if (value instanceof Error) return { name: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null && typeof v !== 'boolean' && !k.endsWith('Env') && !k.endsWith('Ref') ? '[REDACTED]' : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}
