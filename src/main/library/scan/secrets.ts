import type { ScanFinding, ScanRule } from '../../../shared/scan';

interface SecretPattern {
  readonly rule: ScanRule;
  readonly what: string;
  readonly re: RegExp;
  /** A match that has the shape but is a known example or placeholder. */
  readonly ignore?: (match: string) => boolean;
}

/** Token formats, each anchored so that the prefix is not the tail of a longer word (`task-force` is no `sk-`). */
const PATTERNS: ReadonlyArray<SecretPattern> = [
  {
    rule: 'secret/github-token',
    what: 'GitHub token',
    re: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g,
  },
  {
    rule: 'secret/aws-key',
    what: 'AWS access key id',
    re: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    ignore: (m) => m.endsWith('EXAMPLE'),
  },
  {
    rule: 'secret/api-key',
    what: 'secret API key',
    re: /(?<![A-Za-z0-9_-])(?:sk-(?:proj-|ant-(?:api|admin)\d\d-|svcacct-)?[A-Za-z0-9_-]{20,}|sk_live_[A-Za-z0-9]{20,})/g,
    // Token shape: letters and digits mixed, not a long hyphenated word (`sk-this-is-not-a-key-at-all`).
    ignore: (m) => !/\d/.test(m) || !/[A-Za-z]/.test(m.slice(3)) || /^sk-[a-z]+(?:-[a-z]+)+$/.test(m),
  },
  {
    rule: 'secret/slack-token',
    what: 'Slack token',
    re: /(?<![A-Za-z0-9])xox[abposr]-[0-9]{6,}-[A-Za-z0-9-]{8,}/g,
  },
  {
    rule: 'secret/private-key',
    what: 'private key block',
    re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
];

/** A secret as a finding may show it: the first 4 characters and an ellipsis. */
export function redact(secret: string): string {
  return `${secret.slice(0, 4)}…`;
}

/** Literal secrets in known token formats, one finding per match (at most `limit`). */
export function findSecrets(file: string, lines: ReadonlyArray<string>, limit = 50): ScanFinding[] {
  const out: ScanFinding[] = [];
  for (let i = 0; i < lines.length && out.length < limit; i++) {
    const text = lines[i]!;
    // Cheap pre-check: every pattern has one of these substrings.
    if (!/gh[pousr]_|github_pat_|AKIA|ASIA|sk[-_]|xox|PRIVATE KEY/.test(text)) continue;
    for (const p of PATTERNS) {
      for (const m of text.matchAll(p.re)) {
        if (p.ignore?.(m[0])) continue;
        const shown = p.rule === 'secret/private-key' ? '' : ` (${redact(m[0])})`;
        out.push({
          file,
          line: i + 1,
          column: (m.index ?? 0) + 1,
          rule: p.rule,
          severity: 'error',
          message: `${p.what}${shown} in plain text: remove it, use a \${NAME} placeholder instead`,
        });
      }
    }
  }
  return out;
}
