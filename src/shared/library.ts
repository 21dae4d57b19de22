/**
 * What a library file is, decided by its top-level folder: `agents/`, `mcp-servers/*.json`, `skills/<name>/**`,
 * `commands/*.md`, `hooks/*.{yaml,yml,json}`, `permissions/*.{yaml,yml,json}`; every other file is knowledge (a rule).
 * New kinds are appended (the outline encodes a kind by its index).
 */
export const ENTRY_KINDS = ['knowledge', 'agent', 'mcp-server', 'skill', 'command', 'hook', 'permissions'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The source a file belongs to: a library source by name, or the personal workspace. */
export const PERSONAL_SOURCE = 'personal';

export interface LibraryEntry {
  readonly source: string;
  /** Path relative to the source root, with forward slashes. */
  readonly path: string;
  readonly kind: EntryKind;
  readonly title: string;
  readonly description: string;
  readonly tags: ReadonlyArray<string>;
  readonly size: number;
  readonly mtimeMs: number;
  /** Rough LLM token count (characters / 4), from the index. */
  readonly tokens?: number;
  /** Sources whose file at the same path this one overrides (later sources win, personal wins over all). */
  readonly overrides: ReadonlyArray<string>;
  /** The source whose file at the same path wins over this one, if any. */
  readonly overriddenBy?: string;
}

export interface SourceStatus {
  readonly name: string;
  readonly kind: 'starter' | 'git';
  readonly url: string;
  readonly branch?: string;
  readonly commit?: string;
  readonly commitDate?: string;
  readonly pinned?: string;
  readonly present: boolean;
}

export interface LibraryFile {
  readonly source: string;
  readonly path: string;
  readonly kind: EntryKind;
  readonly frontmatter: Readonly<Record<string, unknown>>;
  readonly body: string;
  readonly raw: string;
  /** Set when the frontmatter could not be parsed; the body then holds the whole file. */
  readonly frontmatterError?: string;
}

/** Why a walk of a source left a file out (what the Library tree counts as "N skipped"). */
export const SKIP_REASONS = [
  'ignored-by-pattern',
  'unsupported-type',
  'not-a-tool-file',
  'symlink-outside-root',
  'symlink',
  'too-large',
  'invalid-name',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const SKIP_REASON_LABELS: Readonly<Record<SkipReason, string>> = {
  'ignored-by-pattern': "ignored by the source's ignore list",
  'unsupported-type': 'unsupported file type',
  'not-a-tool-file': 'not a known file of its tool folder',
  'symlink-outside-root': 'symlink out of the source folder',
  symlink: 'symlink (never followed)',
  'too-large': 'too large',
  'invalid-name': 'invalid name (control or bidi characters, a backslash, or too long)',
};

/** What one source's walk skipped: a count per reason, with a few of the paths. */
export interface SourceSkips {
  readonly source: string;
  readonly total: number;
  readonly reasons: ReadonlyArray<{
    readonly reason: SkipReason;
    readonly count: number;
    /** Up to a few of the skipped paths (relative to the source). */
    readonly examples: ReadonlyArray<string>;
  }>;
}
