/** Library content scanning (secrets, hidden Unicode, symlinks) and approval of what a source would execute. */

/** The rule that produced a finding. */
export type ScanRule =
  | 'secret/github-token'
  | 'secret/aws-key'
  | 'secret/api-key'
  | 'secret/slack-token'
  | 'secret/private-key'
  | 'secret/high-entropy'
  | 'unicode/bidi'
  | 'unicode/zero-width'
  | 'unicode/tag'
  | 'fs/symlink'
  | 'scan/too-large';

/** One finding, printed as `file:line: rule-id: message`. A secret in `message` is always redacted. */
export interface ScanFinding {
  /** Relative path with forward slashes (control characters escaped). */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column?: number;
  readonly rule: ScanRule;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** What an approval is for: an MCP server's command or URL, or a hook's command. */
export const APPROVAL_KINDS = ['mcp-server', 'hook'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/** Something a library source would have a tool execute, whose exact content is not approved yet. */
export interface PendingApproval {
  readonly kind: ApprovalKind;
  /** The source that defines it. */
  readonly source: string;
  /** The MCP server's name (its file is `mcp-servers/<name>.json`), or the hook's (`format`, `format-2`). */
  readonly name: string;
  /** Hooks: the hook file's library path (`hooks/format.yaml`). */
  readonly path?: string;
  /** Hooks: the canonical event (`pre-tool`, ...). */
  readonly event?: string;
  /**
   * sha256 of the executable part (command + args + env keys, or url; for a hook: source, path, event and command);
   * what an approval remembers.
   */
  readonly hash: string;
  /** The exact command line (or URL) as the tool would run it. */
  readonly command: string;
}

/** One remembered approval (state/approvals.json). */
export interface Approval extends PendingApproval {
  readonly approvedAt: string;
}
