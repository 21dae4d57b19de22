/** One thing a target wants on disk. We own exactly these and nothing else in a file. */
export type Desired =
  /** A whole file we create (a subagent, a rule file, an agent JSON). */
  | {
      readonly kind: 'file';
      readonly path: string;
      readonly content: string;
      readonly executable?: boolean;
      /** A binary file (a skill's image): written as these bytes; `content` is their tag (binary-content.ts). */
      readonly bytes?: Buffer;
    }
  /** A marker-delimited section in a shared Markdown file (CLAUDE.md, AGENTS.md, GEMINI.md...). */
  | { readonly kind: 'section'; readonly path: string; readonly id: string; readonly content: string }
  /** One key under a parent object in a shared JSON file (`mcpServers.github`). */
  | {
      readonly kind: 'json-key';
      readonly path: string;
      readonly parent: string;
      readonly id: string;
      readonly value: unknown;
    }
  /**
   * One `[table]` in a shared TOML file, kept in a marker-comment block. `id` is the table's header as written,
   * with keys quoted where TOML needs it (`mcp_servers."awslabs.aws-docs"`, see targets/formats/toml.ts).
   */
  | { readonly kind: 'toml-table'; readonly path: string; readonly id: string; readonly body: string }
  /**
   * One element of an array in a shared JSON file (a hook in `hooks.PreToolUse`, a rule in `permissions.allow`).
   * `parent` is the array's dotted path (segments never hold a dot); `id` is the element's canonical JSON, which is
   * how we find it again. Other elements, keys, comments and formatting are left as they are.
   */
  | {
      readonly kind: 'json-item';
      readonly path: string;
      readonly parent: string;
      readonly id: string;
      readonly value: unknown;
    }
  /**
   * A block of lines between `# ai-configurator:begin ID` and `# ai-configurator:end ID` comments in a shared
   * line-based file that is not TOML (`.cursorignore`, `.geminiignore`): no parsing, every other line kept.
   */
  | { readonly kind: 'text-block'; readonly path: string; readonly id: string; readonly body: string };

export type DesiredKind = Desired['kind'];

/** What the manifest records for one managed thing. */
export interface ManagedItem {
  readonly kind: DesiredKind;
  readonly path: string;
  /** Section agent name, JSON key, or TOML table; "" for a whole file. */
  readonly id: string;
  /** JSON parent key (e.g. "mcpServers"); "" otherwise. */
  readonly parent: string;
  /** Hash of what is on disk after our write (or what we adopted). */
  readonly hash: string;
  /** Hash of what we rendered; differs from `hash` only after "adopt theirs". */
  readonly desiredHash: string;
  /** We created the file: remove it when nothing but us is left in it. */
  readonly createdFile: boolean;
  /** We created the JSON parent object: remove it when it is empty again. */
  readonly parentCreated?: boolean;
}

export interface InstallRecord {
  readonly agent: string;
  readonly tool: string;
  readonly scope: 'user' | 'project';
  readonly project?: string;
  readonly installedAt: string;
  readonly items: ReadonlyArray<ManagedItem>;
  /** Folders this install created (deepest last): removed on uninstall when empty. */
  readonly dirs?: ReadonlyArray<string>;
  /** The target's format version at install time (Target.formatVersion); older ones are flagged by doctor. */
  readonly format?: number;
}

/** Identity of a managed location, shared by desired items and manifest items. */
export function locationKey(x: { kind: string; path: string; id: string; parent?: string }): string {
  return `${x.path}\u0000${x.kind}\u0000${x.parent ?? ''}\u0000${x.id}`;
}

export function parentOf(d: Desired): string {
  return d.kind === 'json-key' || d.kind === 'json-item' ? d.parent : '';
}

export function idOf(d: Desired): string {
  return d.kind === 'file' ? '' : d.id;
}
