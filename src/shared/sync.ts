/** Sync providers and the shapes the sync service returns (shared by main, CLI and UI). */
export const SYNC_PROVIDERS = ['syncthing', 'nextcloud', 'dropbox', 'folder'] as const;
export type SyncProviderKind = (typeof SYNC_PROVIDERS)[number];

/** One place a provider already syncs (a Syncthing folder, a Nextcloud account folder, a Dropbox root). */
export interface SyncRoot {
  readonly label: string;
  readonly path: string;
}

/** What detection found for one provider. Never carries credentials (the Syncthing API key stays in main). */
export interface DetectedProvider {
  readonly provider: SyncProviderKind;
  readonly found: boolean;
  /** e.g. "Syncthing is running at 127.0.0.1:8384", "Nextcloud syncs 1 folder". */
  readonly summary: string;
  /** The config file read, when there was one. */
  readonly configPath?: string;
  /** The binary found on PATH (Syncthing). */
  readonly binary?: string;
  /** Whether a running instance answered (Syncthing). */
  readonly running?: boolean;
  /** This device's ID (Syncthing, when running). */
  readonly deviceId?: string;
  readonly roots: ReadonlyArray<SyncRoot>;
  /** Where the wizard proposes to put the personal workspace. */
  readonly suggestedPath?: string;
  readonly hint?: string;
}

export type VerifyOutcome =
  | { readonly kind: 'reached'; readonly message: string; readonly devices: ReadonlyArray<string> }
  | { readonly kind: 'local'; readonly message: string }
  | { readonly kind: 'pending'; readonly message: string }
  | { readonly kind: 'skipped'; readonly message: string };

export interface SyncStep {
  readonly step: 'provider' | 'folder' | 'move' | 'ignore' | 'share' | 'verify';
  readonly ok: boolean;
  readonly message: string;
}

export interface SetupResult {
  readonly provider: SyncProviderKind;
  readonly personalDir: string;
  readonly previousDir: string;
  readonly movedFiles: number;
  readonly ignoreFile?: string;
  readonly folderId?: string;
  readonly verify: VerifyOutcome;
  readonly steps: ReadonlyArray<SyncStep>;
  readonly message: string;
}

export interface SyncthingFolderState {
  readonly folderId: string;
  /** idle, scanning, syncing, error, ... as Syncthing reports it. */
  readonly state: string;
  readonly completion: ReadonlyArray<{
    readonly deviceId: string;
    readonly connected: boolean;
    readonly percent: number;
  }>;
  readonly error?: string;
}

export interface IncomingChange {
  readonly path: string;
  readonly at: string;
}

export interface SyncStatus {
  readonly connected: boolean;
  readonly provider?: SyncProviderKind;
  readonly personalDir: string;
  readonly previousDir?: string;
  readonly since?: string;
  readonly ignoreFile?: string;
  readonly syncthing?: SyncthingFolderState;
  /** Set when the provider could not be asked (e.g. Syncthing stopped). */
  readonly providerProblem?: string;
  readonly conflicts: number;
  readonly incoming: ReadonlyArray<IncomingChange>;
}

export type ConflictProvider = 'syncthing' | 'nextcloud' | 'dropbox';

/**
 * A conflicted copy next to the file it conflicts with. "mine" is the file at the original path; "theirs" is the
 * copy.
 */
export interface SyncConflict {
  readonly path: string;
  readonly original: string;
  readonly provider: ConflictProvider;
  /** Device short id (Syncthing) or the name in the copy (Nextcloud, Dropbox). */
  readonly from?: string;
  /** When the copy was made, as the name says (ISO), if it says. */
  readonly when?: string;
  readonly originalExists: boolean;
}

export type DiffLine = { readonly kind: 'same' | 'mine' | 'theirs'; readonly text: string };

export interface ConflictDetail {
  readonly conflict: SyncConflict;
  readonly mine: string;
  readonly theirs: string;
  readonly diff: ReadonlyArray<DiffLine>;
  readonly binary: boolean;
}

export type ConflictChoice = 'mine' | 'theirs' | 'manual';

export interface ResolveResult {
  readonly path: string;
  readonly kept: ConflictChoice;
  /** Where the losing side(s) were kept (state/backups/...) besides history. */
  readonly backups: ReadonlyArray<string>;
  readonly message: string;
}

export interface DisconnectResult {
  readonly personalDir: string;
  readonly sharedDir: string;
  readonly removedSharedCopy: boolean;
  readonly message: string;
}

export interface IncomingEvent {
  readonly paths: ReadonlyArray<string>;
  readonly conflicts: ReadonlyArray<string>;
  readonly at: string;
}
