import { z } from 'zod';

/**
 * The kinds of content a library carries, beside agent profiles and MCP servers. Layout (README, "The library
 * format"):
 *
 * - rules: any Markdown knowledge file outside the special folders (`common/…`, `roles/…`, `rules/…`), with
 *   optional `paths:`/`globs:` and `activation:`;
 * - skills: `skills/<name>/SKILL.md` plus every file beside it, installed as a whole folder;
 * - commands: `commands/<name>.md`;
 * - hooks: `hooks/<name>.yaml` (or `.yml`, `.json`);
 * - permissions: `permissions/<name>.yaml` (or `.yml`, `.json`).
 */
export const CONTENT_KINDS = ['rule', 'skill', 'command', 'agent', 'hook', 'permissions', 'mcp-server'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** How a rule is loaded by a tool. */
export const RULE_ACTIVATIONS = ['always', 'glob', 'agent-requested', 'manual'] as const;
export type RuleActivation = (typeof RULE_ACTIVATIONS)[number];

/** A list of globs, or one comma-separated string (Cursor's form). */
const globList = z.union([z.array(z.string()), z.string()]).transform((v) =>
  (Array.isArray(v) ? v : v.split(','))
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s),
);

/** A rule's frontmatter: every key optional; unknown keys kept. */
export const ruleFrontmatterSchema = z
  .object({
    title: z.string().optional(),
    description: z.string().optional(),
    tags: z.union([z.array(z.string()), z.string()]).optional(),
    /** Claude's spelling. */
    paths: globList.optional(),
    /** Cursor's spelling; merged with `paths`. */
    globs: globList.optional(),
    activation: z.enum(RULE_ACTIVATIONS).optional(),
  })
  .loose();

/** Skill names: what Claude Code and the Agent Skills spec allow (lower-case letters, digits, hyphens; 64). */
export const SKILL_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `skills/<name>/SKILL.md` frontmatter (the Agent Skills spec plus Claude Code's extras); unknown keys kept. */
export const skillFrontmatterSchema = z
  .object({
    name: z.string().min(1).max(64),
    description: z.string().min(1).max(1024),
    'allowed-tools': z.union([z.array(z.string()), z.string()]).optional(),
    'disable-model-invocation': z.boolean().optional(),
    'user-invocable': z.boolean().optional(),
    model: z.string().optional(),
    license: z.string().optional(),
    tags: z.union([z.array(z.string()), z.string()]).optional(),
  })
  .loose();

/** `commands/<name>.md` frontmatter; the body is the prompt, `$ARGUMENTS` stands for what the user typed. */
export const commandFrontmatterSchema = z
  .object({
    description: z.string().optional(),
    /** Text; `[file]` unquoted is a YAML list, which Claude Code shows joined: accepted as that. */
    'argument-hint': z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).optional(),
    'allowed-tools': z.union([z.array(z.string()), z.string()]).optional(),
    model: z.string().optional(),
    tags: z.union([z.array(z.string()), z.string()]).optional(),
  })
  .loose();

/** A command's argument hint as the tool shows it: a YAML list (`argument-hint: [file]`) joined with spaces. */
export function argumentHintText(v: string | ReadonlyArray<string | number> | undefined): string | undefined {
  const t = typeof v === 'string' ? v : v?.join(' ');
  return t?.trim() ? t : undefined;
}

/** The canonical hook events; each target maps them to its own names or reports that it has none. */
export const HOOK_EVENTS = [
  'pre-tool',
  'post-tool',
  'prompt-submit',
  'stop',
  'subagent-stop',
  'session-start',
  'session-end',
  'pre-compact',
  'notification',
] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];

export const hookEntrySchema = z
  .object({
    event: z.enum(HOOK_EVENTS),
    /** Tool-name pattern for pre-tool/post-tool (`Bash`, `Edit|Write`, `*`); ignored for other events. */
    matcher: z.string().optional(),
    command: z.string().min(1),
    /** Seconds. */
    timeout: z.number().int().positive().max(3600).optional(),
  })
  .strict();
export type HookEntry = z.output<typeof hookEntrySchema>;

/** `hooks/<name>.yaml`: one or more hooks that belong together. */
export const hookFileSchema = z
  .object({
    schemaVersion: z.literal(1).default(1),
    description: z.string().optional(),
    tags: z.array(z.string()).optional(),
    hooks: z.array(hookEntrySchema).min(1),
  })
  .strict();
export type HookFile = z.output<typeof hookFileSchema>;

/**
 * The name of the `index`th hook of `hooks/<base>.yaml`: `base`, then `base-2`, `base-3`... Install and the approval
 * scan both name hooks this way, so an approval given at `library add` matches the hook an install brings.
 */
export function hookName(base: string, index: number): string {
  return index === 0 ? base : `${base}-${index + 1}`;
}

/**
 * `permissions/<name>.yaml`: tool-permission rules in Claude Code's syntax (`Bash(npm test:*)`, `Read(./.env)`,
 * `WebFetch`), and paths the tools should not read (gitignore syntax).
 */
export const permissionsFileSchema = z
  .object({
    schemaVersion: z.literal(1).default(1),
    description: z.string().optional(),
    tags: z.array(z.string()).optional(),
    allow: z.array(z.string().min(1)).default([]),
    ask: z.array(z.string().min(1)).default([]),
    deny: z.array(z.string().min(1)).default([]),
    ignore: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type PermissionsFile = z.output<typeof permissionsFileSchema>;

/** What one library item became in one tool. */
export type KindOutcomeKind = 'native' | 'fallback' | 'skipped';

export interface KindOutcome {
  readonly kind: ContentKind;
  /** The item's name (rule path, skill/command/hook name, MCP server name, agent name, "permissions"). */
  readonly name: string;
  readonly outcome: KindOutcomeKind;
  /** Native/fallback: where it went (`.claude/skills/x/`), fallback: also how; skipped: why. */
  readonly detail: string;
  /** The name the tool holds it under, when it had to differ from the library's (see names.ts). */
  readonly mappedName?: string;
}
