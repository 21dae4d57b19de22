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
