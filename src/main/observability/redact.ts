/** Keys whose values are never written anywhere (logs, errors, diagnostics). */
const SECRET_KEY = /(token|password|passwd|secret|authorization|api[-_]?key|credential|private[-_]?key|cookie)/i;

/** Patterns of secrets inside free text. */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // PEM private keys, whole blocks.
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, '[REDACTED PRIVATE KEY]'],
  // Credentials in URLs of any scheme: scheme://user:pass@host, scheme://token@host.
  [/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@'"<>]+)@/gi, '$1[REDACTED]@'],
  // Authorization / Proxy-Authorization / Cookie headers, to the end of the value.
  [
    /\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key|private-token|x-auth-token)(\s*[:=]\s*)("?)[^\r\n"]+/gi,
    '$1$2$3[REDACTED]',
  ],
  [/\b(Bearer|Basic|token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [REDACTED]'],
  // key=value and "key": "value" where the key names a secret (query strings, env dumps, JSON text).
  [
    /\b([A-Za-z0-9_.-]*(?:token|password|passwd|secret|api[-_]?key|credential)[A-Za-z0-9_.-]*)=([^\s&;,'"]+)/gi,
    '$1=[REDACTED]',
  ],
  [
    /("[A-Za-z0-9_.-]*(?:token|password|passwd|secret|api[-_]?key|credential)[A-Za-z0-9_.-]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    '$1"[REDACTED]"',
  ],
  [
    /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{30,}|AIza[0-9A-Za-z_-]{30,}|AKIA[0-9A-Z]{16})\b/g,
    '[REDACTED]',
  ],
];

const extraSecrets = new Set<string>();

/** Registers a literal secret (e.g. a token read from the environment) so it is scrubbed everywhere. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) extraSecrets.add(value);
}

/** Environment variable names whose values are secrets (GITHUB_TOKEN, NPM_AUTH_TOKEN, OPENAI_API_KEY...). */
const SECRET_ENV_NAME = /(token|password|passwd|secret|api[-_]?key|credential|private[-_]?key)/i;

/**
 * Registers the values of secret-named environment variables, and of the variables `extraNames`
 * (e.g. each source's `tokenEnv`), so they are scrubbed even where no pattern would spot them.
 */
export function registerSecretsFromEnv(env: NodeJS.ProcessEnv, extraNames: ReadonlyArray<string> = []): void {
  for (const [name, value] of Object.entries(env)) {
    if (
      value &&
      value.length >= 8 &&
      !value.startsWith('/') &&
      (SECRET_ENV_NAME.test(name) || extraNames.includes(name))
    )
      registerSecret(value);
  }
}

/** Scrubs registered secrets and secret patterns (URL credentials, auth headers, tokens, keys) from free text. */
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
    if (value instanceof Error)
      return {
        name: value.name,
        message: redactText(value.message),
        stack: value.stack ? redactText(value.stack) : undefined,
      };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        SECRET_KEY.test(k) &&
        v !== undefined &&
        v !== null &&
        typeof v !== 'boolean' &&
        typeof v !== 'number' &&
        !k.endsWith('Env') &&
        !k.endsWith('Ref')
          ? '[REDACTED]'
          : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}
