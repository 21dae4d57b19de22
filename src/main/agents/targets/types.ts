import type { Agent, McpServer, Scope, ToolId } from '../../../shared/agents';
import type { HookEntry, KindOutcome, RuleActivation } from '../../../shared/content';
import type { ToolSurfaceInfo } from '../../../shared/tools';
import type { Desired } from '../model';
import type { VarSource } from '../vars';

/** A resolved rule (knowledge file) with its text, ready to copy, inline or reference. */
export interface ResourceText {
  readonly source: string;
  readonly path: string;
  readonly abs: string;
  /** The file's body without frontmatter. */
  readonly body: string;
  readonly title: string;
}

/** A rule with how it is loaded. Rules without frontmatter are `always` with no globs. */
export interface RuleText extends ResourceText {
  readonly description: string;
  readonly activation: RuleActivation;
  /** `paths:`/`globs:` merged, as written (relative to the project root). */
  readonly globs: ReadonlyArray<string>;
}

/** One file of a skill folder, relative to the folder (`SKILL.md`, `scripts/run.sh`). */
export interface SkillFile {
  readonly rel: string;
  readonly content: string;
  /** A binary file (an image, a font, a compiled helper): its exact bytes; `content` is their tag. */
  readonly bytes?: Buffer;
  /** Executable in the library: written 0755. */
  readonly executable?: boolean;
}

export interface SkillContent {
  readonly name: string;
  readonly description: string;
  readonly source: string;
  /** Library path of the folder (`skills/review`). */
  readonly path: string;
  /** Every file of the folder, `SKILL.md` first. */
  readonly files: ReadonlyArray<SkillFile>;
  /** SKILL.md's frontmatter as written (name and description included). */
  readonly frontmatter: Readonly<Record<string, unknown>>;
  /** SKILL.md's body. */
  readonly body: string;
}

export interface CommandContent {
  readonly name: string;
  readonly description: string;
  readonly source: string;
  /** Library path (`commands/fix-issue.md`). */
  readonly path: string;
  readonly argumentHint?: string;
  readonly allowedTools: ReadonlyArray<string>;
  readonly model?: string;
  /** The prompt; `$ARGUMENTS` stands for what the user typed after the command. */
  readonly body: string;
}

/** One hook (a hook file holds one or more). `name` is the file's name, with `-2`, `-3` for its later hooks. */
export interface HookContent extends HookEntry {
  readonly name: string;
  readonly source: string;
  readonly path: string;
  readonly description: string;
}

/** Every permission file the agent picks, merged (first wins on duplicates). */
export interface PermissionSet {
  readonly allow: ReadonlyArray<string>;
  readonly ask: ReadonlyArray<string>;
  readonly deny: ReadonlyArray<string>;
  /** Paths the tool should not read (gitignore syntax). */
  readonly ignore: ReadonlyArray<string>;
}

export const NO_PERMISSIONS: PermissionSet = { allow: [], ask: [], deny: [], ignore: [] };

export interface RenderInput {
  readonly agent: Agent;
  /** The agent's rules (`rules` and `resources`), with activation and globs. */
  readonly resources: ReadonlyArray<RuleText>;
  readonly skills: ReadonlyArray<SkillContent>;
  readonly commands: ReadonlyArray<CommandContent>;
  readonly hooks: ReadonlyArray<HookContent>;
  readonly permissions: PermissionSet;
  readonly mcpServers: ReadonlyArray<McpServer>;
  readonly scope: Scope;
  /** The chosen project folder (project scope). */
  readonly project?: string;
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly vars: VarSource;
  /**
   * Project scope only: the user allowed user-level files (MCP of a tool without a project file). When false, such
   * a file is not rendered: the item is reported `skipped` with the flag to pass.
   */
  readonly allowUserFiles?: boolean;
}

export interface Rendered {
  readonly items: ReadonlyArray<Desired>;
  readonly warnings: ReadonlyArray<string>;
  /** What each item became (native, fallback, skipped); every skipped or fallback item also has a warning. */
  readonly report: ReadonlyArray<KindOutcome>;
}

/** One place a tool reads one kind of content, with the doc it was checked against (shared with `ai-config tools`). */
export type Surface = ToolSurfaceInfo;

/** One AI tool: where its files live and how an agent looks in them. */
export interface Target {
  readonly id: ToolId;
  readonly label: string;
  readonly scopes: ReadonlyArray<Scope>;
  /** Every surface we write (per scope). `ai-config tools` lists them. */
  readonly surfaces: ReadonlyArray<Surface>;
  /** How to tell the tool is on this machine: config folders (relative to home) or binaries on PATH. */
  readonly detect: { readonly dirs: ReadonlyArray<string>; readonly bins: ReadonlyArray<string> };
  /**
   * Bumped when what we write changes shape; an install recorded with an older one is flagged by doctor
   * and offered the reinstall.
   */
  readonly formatVersion: number;
  /** The target that replaces this one (legacy Amazon Q CLI -> kiro, Windsurf -> devin). */
  readonly supersededBy?: ToolId;
  render(input: RenderInput): Rendered;
  /** A warning about a whole planned file (e.g. a size cap the tool applies), if any. */
  check?(file: string, after: string): string | undefined;
}
