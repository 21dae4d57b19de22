/** Types for library sources on Git: status, versions, update summaries, conflicts. */
import type { PendingApproval, ScanFinding } from './scan';

export interface CommitInfo {
  readonly hash: string;
  readonly subject: string;
  readonly author: string;
  /** ISO 8601 author date. */
  readonly date: string;
}

export interface FileChanges {
  readonly added: ReadonlyArray<string>;
  readonly modified: ReadonlyArray<string>;
  readonly deleted: ReadonlyArray<string>;
}

/** A file whose local edit collided with an upstream change; "mine" is kept aside until resolved. */
export interface SourceConflict {
  readonly path: string;
  /** Whether the local edit deleted the file. */
  readonly mineDeleted: boolean;
  readonly since: string;
  /** Where the local edit is kept when it could not be put back (upstream made the path a symlink). */
  readonly backup?: string;
}

/** One step in a source's version trail (what rollback and roll-forward walk). */
export interface TrailEntry {
  readonly commit: string;
  readonly at: string;
  readonly operation: 'clone' | 'update' | 'pin' | 'rollback' | 'rollforward' | 'unpin';
}

export interface SourceInfo {
  readonly name: string;
  readonly kind: 'starter' | 'git';
  readonly url: string;
  readonly branch?: string;
  readonly present: boolean;
  readonly commit?: string;
  readonly commitSubject?: string;
  readonly commitDate?: string;
  readonly pinned?: string;
  /** Commits upstream has that we do not (as of the last fetch). */
  readonly behind?: number;
  /** Commits we are past upstream (e.g. a pin ahead of it never happens; rollback makes behind > 0). */
  readonly ahead?: number;
  readonly lastUpdate?: string;
  readonly lastFetch?: string;
  /** Library files edited locally (kept across updates). */
  readonly localChanges: ReadonlyArray<string>;
  readonly conflicts: ReadonlyArray<SourceConflict>;
  readonly auth: 'none' | 'ssh-key' | 'token-env' | 'token-stored';
  readonly canRollback: boolean;
  readonly canRollforward: boolean;
  /** 0 is lowest; personal always wins over every source. */
  readonly precedence: number;
  /** The source's ignore list (gitignore-like patterns its walk leaves out). */
  readonly ignore?: ReadonlyArray<string>;
}

/** A source's ignore list after `sources:ignore` added or removed a pattern. */
export interface SourceIgnoreResult {
  readonly source: string;
  readonly ignore: ReadonlyArray<string>;
  /** False when the pattern was already there (add) or not there (remove). */
  readonly changed: boolean;
}

export interface UpdateResult {
  readonly source: string;
  readonly status: 'updated' | 'up-to-date' | 'skipped' | 'failed';
  readonly from?: string;
  readonly to?: string;
  readonly commits: ReadonlyArray<CommitInfo>;
  readonly files: FileChanges;
  /** Local edits that were kept across the update. */
  readonly kept: ReadonlyArray<string>;
  /** Local edits that collided with upstream: see `sources:resolve`. */
  readonly conflicts: ReadonlyArray<string>;
  readonly message: string;
  /** Why a source failed when several were updated at once (the others still ran). */
  readonly error?: { readonly code: string; readonly message: string; readonly hint: string };
  /** What the content scan found in the files this update added or changed. */
  readonly findings?: ReadonlyArray<ScanFinding>;
  /** MCP servers this update added or changed whose command is not approved: installs ask before using them. */
  readonly needsApproval?: ReadonlyArray<PendingApproval>;
}

/** A source just added: its info, and what the content scan and approval check found in the clone. */
export interface AddedSource extends SourceInfo {
  readonly findings: ReadonlyArray<ScanFinding>;
  readonly needsApproval: ReadonlyArray<PendingApproval>;
}

export interface LogEntry extends CommitInfo {
  readonly current: boolean;
  /** In upstream but not yet in use. */
  readonly incoming: boolean;
}

/** The fingerprint of an SSH server key that is not yet trusted, as shown to the user before accepting. */
export interface HostKeyInfo {
  readonly host: string;
  readonly port: number;
  readonly fingerprints: ReadonlyArray<string>;
}
