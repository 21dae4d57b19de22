import { z } from 'zod';
import type { KindOutcome } from './content';

/** Every AI tool an agent can be installed into. */
export const TOOL_IDS = [
  'amazon-q',
  'kiro',
  'claude-code',
  'cursor',
  'codex',
  'copilot',
  'gemini',
  'antigravity',
  'windsurf',
  'devin',
  'claude-desktop',
] as const;
export type ToolId = (typeof TOOL_IDS)[number];
export const toolIdSchema = z.enum(TOOL_IDS);

export type Scope = 'user' | 'project';
export const scopeSchema = z.enum(['user', 'project']);

/** Agent and MCP server names: lower-case slugs, safe as file names in every tool. */
export const agentNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'must be lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

export const agentTargetSchema = z
  .object({
    tool: toolIdSchema,
    scope: scopeSchema.default('project'),
    project: z.string().min(1).optional(),
  })
  .strict();
export type AgentTarget = z.output<typeof agentTargetSchema>;

/** The YAML frontmatter of `agents/<name>.md`; the Markdown body is the prompt. Unknown keys are kept. */
export const agentFrontmatterSchema = z
  .object({
    schemaVersion: z.literal(1),
    name: agentNameSchema,
    title: z.string().optional(),
    description: z.string().default(''),
    tags: z.array(z.string()).default([]),
    /** Library paths, globs (`roles/devops/**`) or `tag:NAME`, resolved across sources and personal. */
    resources: z.array(z.string().min(1)).default([]),
    /** Rules to install: like `resources` (the two lists are one; `resources` is the older name). */
    rules: z.array(z.string().min(1)).default([]),
    /** Skills: a name (`review`), a path (`skills/review`), a glob (`skills/*`) or `tag:NAME`. */
    skills: z.array(z.string().min(1)).default([]),
    /** Commands: a name (`fix-issue`), a path (`commands/fix-issue.md`), a glob or `tag:NAME`. */
    commands: z.array(z.string().min(1)).default([]),
    /** Hook files: a name (`format-on-edit`), a path (`hooks/format-on-edit.yaml`), a glob or `tag:NAME`. */
    hooks: z.array(z.string().min(1)).default([]),
    /** Permission files, merged in order: a name, a path (`permissions/safe.yaml`), a glob or `tag:NAME`. */
    permissions: z.array(z.string().min(1)).default([]),
    /** Names of `mcp-servers/<name>.json` in any source or personal. */
    mcpServers: z.array(agentNameSchema).default([]),
    targets: z.array(agentTargetSchema).default([]),
    /** Per-tool settings, e.g. `{ claude-code: { model: sonnet, tools: [Read] }, cursor: { globs: "src/**" } }`. */
    settings: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  })
  .loose();
export type AgentFrontmatter = z.output<typeof agentFrontmatterSchema>;

/** An agent as the app works with it: frontmatter plus prompt and where it came from. */
export interface Agent extends AgentFrontmatter {
  readonly prompt: string;
  readonly source: string;
  readonly path: string;
  /** Set when the file is a tool's own agent file (a Claude Code subagent...), read in that tool's format. */
  readonly toolFormat?: ToolId;
}

const mcpCommon = {
  schemaVersion: z.literal(1).default(1),
  name: agentNameSchema,
  title: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
};

/** `mcp-servers/<name>.json`: a stdio command or an HTTP endpoint; strings may hold `${VAR}` placeholders. */
export const mcpServerSchema = z.discriminatedUnion('transport', [
  z
    .object({
      ...mcpCommon,
      transport: z.literal('stdio'),
      command: z.string().min(1),
      args: z.array(z.string()).default([]),
      env: z.record(z.string(), z.string()).default({}),
    })
    .loose(),
  z
    .object({
      ...mcpCommon,
      transport: z.literal('http'),
      url: z.string().min(1),
      headers: z.record(z.string(), z.string()).default({}),
    })
    .loose(),
]);
export type McpServer = z.output<typeof mcpServerSchema>;

/** What a changed file will look like, or did. */
export type FileAction = 'create' | 'update' | 'delete' | 'unchanged' | 'skip';

/** A managed thing that changed on disk since we wrote it (or content we did not write where we would write). */
export interface DriftInfo {
  readonly kind: 'modified' | 'deleted' | 'foreign';
  /** What it is: "section agent=NAME", "key mcpServers.github", "file". */
  readonly what: string;
}

export type DriftChoice = 'overwrite' | 'adopt' | 'skip';
export const driftChoiceSchema = z.enum(['overwrite', 'adopt', 'skip']);

export interface FilePlan {
  readonly path: string;
  readonly action: FileAction;
  /**
   * Unified diff from the current content to the planned content (empty when unchanged, and in the result of an
   * install that went ahead: preview for diffs).
   */
  readonly diff: string;
  readonly drift: ReadonlyArray<DriftInfo>;
  /** How the drift was resolved, when it was. */
  readonly resolution?: DriftChoice;
}

export interface InstallPlan {
  readonly operation: 'install' | 'uninstall';
  readonly agent: string;
  readonly tool: ToolId;
  readonly scope: Scope;
  readonly project?: string;
  readonly files: ReadonlyArray<FilePlan>;
  readonly warnings: ReadonlyArray<string>;
  /** True when some file drifted and no choice was given: nothing is written until one is. */
  readonly blocked: boolean;
  /** What each item of each kind became in this tool (native, fallback, skipped with the reason). */
  readonly report?: ReadonlyArray<KindOutcome>;
}

export interface InstallResult extends InstallPlan {
  readonly dryRun: boolean;
  /** Files actually written or deleted. */
  readonly written: number;
}

export type InstallState = 'installed' | 'drifted' | 'needs-reinstall' | 'missing-agent';

export interface InstallStatus {
  readonly agent: string;
  readonly tool: ToolId;
  readonly scope: Scope;
  readonly project?: string;
  readonly installedAt: string;
  readonly state: InstallState;
  readonly files: ReadonlyArray<string>;
}

export interface AgentSummary {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly tags: ReadonlyArray<string>;
  readonly source: string;
  readonly path: string;
  readonly installs: ReadonlyArray<InstallStatus>;
  /** Set when the agent file is invalid; the agent cannot be installed until fixed. */
  readonly error?: string;
  /** Set when the file is a tool's own agent file (not a library agent profile), read in that tool's format. */
  readonly toolFormat?: ToolId;
}

export interface ResolvedResource {
  readonly source: string;
  readonly path: string;
  readonly abs: string;
  /** Which resource entry of the agent picked it. */
  readonly via: string;
}

/** One resolved item of a kind (skill, command, hook file entry, permissions file), for listing. */
export interface ResolvedItem {
  readonly name: string;
  readonly source: string;
  /** Library path (`skills/review`, `commands/fix.md`, `hooks/format.yaml`, `permissions/safe.yaml`). */
  readonly path: string;
  readonly description?: string;
}

export interface AgentDetail {
  readonly agent: Agent;
  /** The rules (`rules` and `resources`), as before. */
  readonly resources: ReadonlyArray<ResolvedResource>;
  /** The same rules with how each is loaded. */
  readonly rules: ReadonlyArray<
    ResolvedResource & { readonly activation: string; readonly globs: ReadonlyArray<string> }
  >;
  readonly skills: ReadonlyArray<ResolvedItem & { readonly files: number }>;
  readonly commands: ReadonlyArray<ResolvedItem>;
  readonly hooks: ReadonlyArray<ResolvedItem & { readonly event: string; readonly command: string }>;
  /** The permission files merged, and the merged lists. */
  readonly permissions: {
    readonly files: ReadonlyArray<ResolvedItem>;
    readonly allow: ReadonlyArray<string>;
    readonly ask: ReadonlyArray<string>;
    readonly deny: ReadonlyArray<string>;
    readonly ignore: ReadonlyArray<string>;
  };
  readonly mcpServers: ReadonlyArray<McpServer>;
  readonly warnings: ReadonlyArray<string>;
  readonly installs: ReadonlyArray<InstallStatus>;
  readonly budget: ContextBudget;
}

/** One library file an import would create in the personal workspace. */
export interface ImportItem {
  /** The tool file it came from. */
  readonly from: string;
  readonly kind: ImportKind;
  /** Path in the personal workspace. */
  readonly path: string;
  readonly content: string;
  /** create: new; unchanged: already there, same; conflict: a different file is there (left alone). */
  readonly action: 'create' | 'unchanged' | 'conflict';
}

/** What an imported file becomes in the library. */
export type ImportKind = 'agent' | 'mcp-server' | 'knowledge' | 'rule' | 'skill' | 'command' | 'hook' | 'permissions';

/** One input file and what became of it: every file the import looked at has exactly one. */
export interface ImportFileReport {
  /** The input file, relative to the import root (or the dropped file's name), "/" separators. */
  readonly from: string;
  /**
   * imported: made library files; merged: its content went into a file another input made (a server defined
   * twice); skipped: nothing made.
   */
  readonly outcome: 'imported' | 'merged' | 'skipped';
  /** What it was read as, e.g. "Cursor rule", "Kiro agent", "MCP servers (JSONC)". */
  readonly as?: string;
  /** The library files it made or fed (personal-workspace paths). */
  readonly paths: ReadonlyArray<string>;
  /** Why it was skipped or merged. */
  readonly reason?: string;
}

export interface ImportPreview {
  readonly items: ReadonlyArray<ImportItem>;
  /** Every input file with its outcome, in input order. */
  readonly files: ReadonlyArray<ImportFileReport>;
  /** Files looked at that are not tool configs we know, or that we installed ourselves. */
  readonly skipped: ReadonlyArray<{ readonly from: string; readonly reason: string }>;
  readonly warnings: ReadonlyArray<string>;
  /** Files a folder import did not look at (no tool config type, not in a skill folder): counted, not listed. */
  readonly otherFiles: number;
}

export interface ImportResult extends ImportPreview {
  readonly dryRun: boolean;
  readonly written: number;
}

/**
 * Estimated tokens per kind of what a tool loads: the prompt and `always` rules in full, glob rules in full but only
 * when a matching file is open (`conditional`, not part of the up-front total), agent-requested rules by their
 * description, manual rules not at all, skills by name and description, commands by description.
 */
export interface KindTokens {
  readonly prompt: number;
  readonly always: number;
  readonly conditional: number;
  readonly agentRequested: number;
  readonly manual: number;
  readonly skills: number;
  readonly commands: number;
}

/** How much of a tool's context an agent takes, by a simple estimate (about four characters a token). */
export interface ContextBudget {
  /** What is loaded up front (everything but `conditional`). */
  readonly tokens: number;
  /** The up-front tokens and the conditional ones, per kind. */
  readonly byKind: KindTokens;
  readonly perTool: ReadonlyArray<{
    readonly tool: ToolId;
    /** Up front in this tool. */
    readonly tokens: number;
    /** Glob rules, loaded when a matching file is open. */
    readonly conditional: number;
    readonly byKind: KindTokens;
    readonly limit: number;
    readonly over: boolean;
  }>;
  /**
   * Text that reaches the tool more than once (identical files, or a paragraph repeated across the prompt and
   * resources).
   */
  readonly duplicates: ReadonlyArray<{ readonly excerpt: string; readonly in: ReadonlyArray<string> }>;
}
