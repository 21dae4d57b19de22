import { z } from 'zod';

/** How much a finding matters: only errors fail `ai-config lint` (exit 1). */
export type LintSeverity = 'error' | 'warning' | 'info';
export const LINT_LEVELS = ['off', 'info', 'warning', 'error'] as const;
/** A per-rule override: a severity, or `off` to drop the rule's findings. */
export type LintLevel = (typeof LINT_LEVELS)[number];

interface RuleInfo {
  readonly severity: LintSeverity;
  /** What the rule checks, in one line (SARIF `shortDescription`). */
  readonly summary: string;
  /** The fix when a finding carries none of its own (the content-scan rules). */
  readonly fix: string;
}

const r = (severity: LintSeverity, summary: string, fix: string): RuleInfo => ({ severity, summary, fix });
const FIX_YAML = 'fix the YAML syntax; quote values that contain ": ", "#", "*", "{" or "["';
const FIX_SECRET = 'remove the secret from the file (and rotate it); use a ${NAME} placeholder instead';
const FIX_UNICODE = 'delete the hidden character, or write it visibly as an escape';

/**
 * Every lint rule, its default severity and its one-line summary. Each id has a section in docs/lint-rules.md
 * (a test keeps the two in step). The content-scan rules (`secret/*`, `unicode/*`, `fs/symlink`, `scan/too-large`)
 * are src/main/library/scan's.
 */
export const LINT_RULES = {
  'file/vanished': r('warning', 'A file listed by the walk was gone when it was read.', 'run the lint again'),
  'file/unreadable': r('error', 'A file could not be read (permissions).', 'make the file readable (chmod a+r FILE)'),
  'file/not-a-file': r('error', 'A folder (or device) where a file is expected.', 'replace the folder with a file'),
  'file/binary': r('error', 'A library file holds binary content (NUL bytes).', 'store binary files elsewhere'),
  'file/not-utf8': r('warning', 'A library file is not valid UTF-8.', 'save the file as UTF-8'),
  'file/misplaced': r('warning', 'A file in a special folder that is not of its kind.', 'move the file'),
  'lint/internal-error': r('error', 'The lint could not check a file.', 'report it as a bug, with the file'),
  'frontmatter/unclosed': r('error', 'Frontmatter opens with "---" and never closes.', 'add a closing "---" line'),
  'frontmatter/invalid': r('error', 'Frontmatter no reader can make a mapping of.', FIX_YAML),
  'frontmatter/not-strict-yaml': r(
    'warning',
    'Frontmatter the tools read but strict YAML refuses (unquoted globs, colons, brackets).',
    'quote the value',
  ),
  'frontmatter/not-a-mapping': r('error', 'Frontmatter is YAML but not key: value lines.', 'write key: value lines'),
  'rule/activation-unknown': r('error', 'A rule activation that is not one of the four.', 'use a known activation'),
  'rule/glob-invalid': r('error', 'A rule paths/globs value that is not a glob list.', 'write a list of globs'),
  'rule/field-invalid': r('error', 'A rule frontmatter field of the wrong type.', 'correct the field'),
  'rule/description-missing': r('error', 'An agent-requested rule without a description.', 'add a description'),
  'rule/globs-missing': r('error', 'activation: glob without paths or globs.', 'add globs or remove activation'),
  'rule/globs-empty': r('warning', 'An empty paths/globs list: the rule loads always.', 'list globs or remove it'),
  'skill/missing-skill-md': r('error', 'A skill folder without SKILL.md.', 'add SKILL.md'),
  'skill/skill-md-case': r('error', 'SKILL.md spelled in another case.', 'rename it to SKILL.md'),
  'skill/frontmatter-missing': r('error', 'SKILL.md without frontmatter.', 'add name and description'),
  'skill/field-invalid': r('error', 'A SKILL.md field missing or of the wrong type.', 'correct the field'),
  'skill/name-invalid': r('error', 'A skill name with characters skills may not have.', 'rename the skill'),
  'skill/name-mismatch': r('error', 'A skill name that is not its folder name.', 'make them the same'),
  'skill/folder-name-invalid': r('error', 'A skill folder name that is not a valid skill name.', 'rename it'),
  'command/field-invalid': r('error', 'A command frontmatter field of the wrong type.', 'correct the field'),
  'command/description-missing': r('warning', 'A command without a description.', 'add a description'),
  'command/name-mapped': r('warning', 'A command name that stricter tools rename.', 'rename the file'),
  'command/toml-invalid': r('error', 'A TOML command file that is not valid TOML.', 'fix the TOML syntax'),
  'hook/parse-error': r('error', 'A hook file that is not valid YAML or JSON.', 'fix the syntax'),
  'hook/not-a-mapping': r('error', 'A hook file that is empty or not a mapping.', 'write hooks: with entries'),
  'hook/event-unknown': r('error', 'A hook event that is not one of the library events.', 'use a library event'),
  'hook/field-invalid': r('error', 'A hook field missing or of the wrong type.', 'correct the field'),
  'hook/unknown-field': r('error', 'A field hook files do not have.', 'remove or respell it'),
  'hook/tool-native': r('info', "Claude Code's own hooks format in hooks/.", 'write it as library hooks'),
  'hook/matcher-ignored': r(
    'warning',
    'A matcher on an event no tool filters (prompt-submit, stop).',
    'remove the matcher',
  ),
  'permissions/parse-error': r('error', 'A permissions file that is not valid YAML or JSON.', 'fix the syntax'),
  'permissions/not-a-mapping': r('error', 'A permissions file that is empty or not a mapping.', 'write allow/deny'),
  'permissions/field-invalid': r('error', 'A permissions field of the wrong type.', 'correct the field'),
  'permissions/unknown-field': r('error', 'A field permissions files do not have.', 'remove or respell it'),
  'permissions/rule-syntax': r('warning', 'An entry that is not Tool or Tool(specifier).', 'write Tool(specifier)'),
  'permissions/empty': r('warning', 'A permissions file with no rules.', 'add rules'),
  'mcp/parse-error': r('error', 'An MCP server file that is not valid JSON.', 'fix the JSON syntax'),
  'mcp/field-invalid': r('error', 'An MCP server field missing or of the wrong type.', 'correct the field'),
  'mcp/name-mismatch': r('error', 'An MCP server name that is not its file name.', 'make them the same'),
  'mcp/duplicate-name': r('error', 'Two MCP server files with one name.', 'give each its own name'),
  'mcp/secret-literal': r('error', 'A literal secret in an MCP server env or header.', 'use a ${VAR} placeholder'),
  'mcp/tool-native': r('info', "A tool's own MCP server JSON in mcp-servers/.", 'import it to install it'),
  'agent/frontmatter-missing': r('error', 'An agent file without frontmatter.', 'add schemaVersion and name'),
  'agent/field-invalid': r('error', 'An agent field missing or of the wrong type.', 'correct the field'),
  'agent/name-mismatch': r('error', 'An agent name that is not its file name.', 'make them the same'),
  'agent/duplicate-name': r('error', 'Two agent files with one name.', 'give each its own name'),
  'agent/resource-missing': r('error', 'An agent resource path that does not exist.', 'correct or remove the path'),
  'agent/tag-unmatched': r('warning', 'An agent tag: resource that no file has.', 'tag the files or fix the tag'),
  'agent/glob-unmatched': r('warning', 'An agent resource glob that matches no file.', 'correct the glob'),
  'agent/selector-unmatched': r('warning', 'An agent selector that picks nothing here.', 'correct the selector'),
  'agent/selector-wrong-kind': r('warning', 'An agent selector under the wrong kind.', 'move it to its kind'),
  'agent/server-unknown': r('error', 'An agent MCP server without a definition.', 'add the server file'),
  'agent/tool-native': r('info', "A tool's own agent file (no schemaVersion) in agents/.", 'add schemaVersion: 1'),
  'agent/tool-field-invalid': r('error', 'A tool-native agent field of a type its tool refuses.', 'correct it'),
  'scan/failed': r('error', 'The content scan could not run.', 'check that the folder is readable'),
  'scan/too-large': r('warning', 'A file larger than the scan reads.', 'split the file'),
  'secret/github-token': r('error', 'A GitHub token in plain text.', FIX_SECRET),
  'secret/aws-key': r('error', 'An AWS access key id in plain text.', FIX_SECRET),
  'secret/api-key': r('error', 'A secret API key (sk-...) in plain text.', FIX_SECRET),
  'secret/slack-token': r('error', 'A Slack token in plain text.', FIX_SECRET),
  'secret/private-key': r('error', 'A private key block in plain text.', FIX_SECRET),
  'secret/high-entropy': r('error', 'A random-looking literal in an MCP env or header.', FIX_SECRET),
  'unicode/bidi': r('error', 'A bidirectional control character.', FIX_UNICODE),
  'unicode/tag': r('error', 'An invisible Unicode tag character.', FIX_UNICODE),
  'unicode/zero-width': r('warning', 'A zero-width character.', FIX_UNICODE),
  'fs/symlink': r('error', 'A symbolic link (never followed).', 'commit the file itself instead of a link'),
} as const satisfies Record<string, RuleInfo>;

export type LintRuleId = keyof typeof LINT_RULES;

export function isLintRuleId(id: string): id is LintRuleId {
  return Object.hasOwn(LINT_RULES, id);
}

/** Per-rule overrides, e.g. `{ "command/description-missing": "off", "agent/tool-native": "warning" }`. */
export const lintOverridesSchema = z.partialRecord(
  z.enum(Object.keys(LINT_RULES) as [LintRuleId, ...LintRuleId[]], {
    error: (i) => `"${String(i.input)}" is not a lint rule id (see docs/lint-rules.md)`,
  }),
  z.enum(LINT_LEVELS),
);
export type LintOverrides = Readonly<Partial<Record<LintRuleId, LintLevel>>>;

/** One finding: `file:line:col: severity rule-id: message`, and what to do about it. */
export interface LintIssue {
  /** Relative to the linted folder, with "/". */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based; 1 when the finding is about the whole line or file. */
  readonly col: number;
  readonly severity: LintSeverity;
  readonly rule: LintRuleId;
  readonly message: string;
  /** The frontmatter or file field the finding is about (`globs`, `hooks[0].event`). */
  readonly field?: string;
  readonly fix: string;
}

export interface LintReport {
  readonly dir: string;
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly issues: ReadonlyArray<LintIssue>;
}
