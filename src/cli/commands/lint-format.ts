import { pathToFileURL } from 'node:url';
import { LINT_RULES, type LintIssue, type LintReport, type LintRuleId, type LintSeverity } from '../../shared/lint';
import { safeJson } from '../safe-text';

export const LINT_FORMATS = ['text', 'json', 'sarif'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** Where each rule is documented (a section per rule id, anchored by the id). */
export const LINT_DOCS = 'docs/lint-rules.md';

/** `file:line:col: severity rule-id: message`, then `  fix: ...`, then the counts. */
export function lintText(r: LintReport): string {
  let out = '';
  for (const i of r.issues)
    out += `${i.file}:${i.line}:${i.col}: ${i.severity} ${i.rule}: ${i.message}\n  fix: ${i.fix}\n`;
  return `${out}${r.files} files checked: ${r.errors} error(s), ${r.warnings} warning(s), ${r.infos} info.\n`;
}

/** Every finding with all its fields, as a JSON array. */
export function lintJson(r: LintReport): string {
  return `${safeJson(JSON.stringify(r.issues, null, 2))}\n`;
}

const SARIF_LEVEL: Record<LintSeverity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** A relative path as a URI reference: each segment percent-encoded, "/" kept. */
const uriOf = (rel: string): string => rel.split('/').map(encodeURIComponent).join('/');

/**
 * SARIF 2.1.0 (what code-scanning services read): one run of the "ai-config" driver, every rule with its
 * default level and documentation, each finding a result at its file (relative to the linted folder), line and
 * column.
 */
export function lintSarif(r: LintReport): string {
  const ids = Object.keys(LINT_RULES) as LintRuleId[];
  const index = new Map(ids.map((id, n) => [id, n]));
  const result = (i: LintIssue): unknown => ({
    ruleId: i.rule,
    ruleIndex: index.get(i.rule),
    level: SARIF_LEVEL[i.severity],
    message: { text: `${i.message}. Fix: ${i.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(i.file), uriBaseId: 'SRCROOT' },
          region: { startLine: i.line, startColumn: i.col },
        },
      },
    ],
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ai-config',
            rules: ids.map((id) => ({
              id,
              shortDescription: { text: LINT_RULES[id].summary },
              defaultConfiguration: { level: SARIF_LEVEL[LINT_RULES[id].severity] },
              helpUri: `${LINT_DOCS}#${id}`,
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(r.dir).href.replace(/\/?$/, '/')}` } },
        results: r.issues.map(result),
      },
    ],
  };
  return `${safeJson(JSON.stringify(sarif, null, 2))}\n`;
}
