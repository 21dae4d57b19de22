import type { z } from 'zod';
import {
  commandFrontmatterSchema,
  HOOK_EVENTS,
  hookFileSchema,
  permissionsFileSchema,
  RULE_ACTIVATIONS,
  ruleFrontmatterSchema,
  SKILL_NAME,
  skillFrontmatterSchema,
} from '../../shared/content';
import type { LintRuleId } from '../../shared/lint';
import { tagsField } from '../library/frontmatter';
import { inToolArea } from '../library/tool-folders';
import { toolCommandName, toolLintKindOf } from './lint-tool-folders';
import { toolName } from './targets/formats/names';
import {
  fieldName,
  parseJson,
  parseYamlAt,
  type Add,
  type FieldPath,
  type Frontmatter,
  type YamlSource,
} from './lint-yaml';

/**
 * The kind of a library file for the lint, by path (the same layout as library/kind.ts): `agents/*.md`,
 * `mcp-servers/*.json`, `skills/<name>/**`, `commands/**.md`, `hooks/*.{yaml,yml,json}`,
 * `permissions/*.{yaml,yml,json}`; any other Markdown file is a rule. `misplaced` is a file in one of the special
 * folders that is not of its kind (a library reads it as a rule, or not at all).
 */
export type LintKind =
  'agent' | 'mcp-server' | 'skill' | 'command' | 'hook' | 'permissions' | 'rule' | 'misplaced' | 'toml-command';

export function lintKindOf(rel: string): LintKind | undefined {
  if (inToolArea(rel)) return toolLintKindOf(rel);
  const parts = rel.split('/');
  const top = parts[0];
  const md = /\.(md|mdc|markdown)$/i.test(rel);
  const data = /\.(ya?ml|json)$/i.test(rel);
  if (top === 'agents') return md ? 'agent' : undefined;
  if (top === 'mcp-servers') return rel.endsWith('.json') ? 'mcp-server' : undefined;
  if (top === 'skills') return parts.length >= 3 ? 'skill' : 'misplaced';
  if (top === 'commands') return /\.md$/i.test(rel) ? 'command' : 'misplaced';
  if (top === 'hooks') return parts.length === 2 && data ? 'hook' : 'misplaced';
  if (top === 'permissions') return parts.length === 2 && data ? 'permissions' : 'misplaced';
  return md ? 'rule' : undefined;
}

/** Why a file in a special folder is not of that folder's kind, and where it should go. */
export function lintMisplaced(rel: string, add: Add): void {
  const parts = rel.split('/');
  const top = parts[0]!;
  const base = (parts.at(-1) ?? '').replace(/\.[^.]+$/, '');
  const where: Record<string, [string, string]> = {
    skills: ['a skill is a folder with a SKILL.md', `move it to skills/${base}/SKILL.md`],
    commands: ['a command is a Markdown file', `write it as commands/${base}.md`],
    hooks: ['a hook file is hooks/<name>.yaml (or .yml, .json), directly in hooks/', `move it to hooks/${base}.yaml`],
    permissions: [
      'a permissions file is permissions/<name>.yaml (or .yml, .json), directly in permissions/',
      `move it to permissions/${base}.yaml`,
    ],
  };
  const [what, fix] = where[top] ?? ['not a library file', 'move it'];
  const asRule = /\.(md|mdc|markdown)$/i.test(rel) ? ' (this file is read as a rule)' : '';
  add({ file: rel, line: 1, rule: 'file/misplaced', message: `${what}${asRule}`, fix });
}

type Issue = z.core.$ZodIssue;

const get = (data: unknown, path: FieldPath): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);

const typeOfValue = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);

function describe(issue: Issue, data: unknown): string {
  const value = get(data, issue.path as FieldPath);
  switch (issue.code) {
    case 'invalid_value': {
      const opts = issue.values.map((v) => String(v));
      return opts.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}, not ${JSON.stringify(value) ?? 'missing'}`
        : `${JSON.stringify(value)} is not one of ${opts.join(', ')}`;
    }
    case 'invalid_type':
      return value === undefined ? 'is required' : `must be a ${issue.expected}, not a ${typeOfValue(value)}`;
    case 'invalid_union':
      return `must be a string or a list of strings, not ${JSON.stringify(value)}`;
    case 'too_big':
      return typeof value === 'string'
        ? `is ${value.length} characters; the limit is ${String(issue.maximum)}`
        : `is more than ${String(issue.maximum)}`;
    case 'too_small':
      return typeof value === 'string'
        ? 'must not be empty'
        : Array.isArray(value)
          ? `needs at least ${String(issue.minimum)} entry`
          : `must be at least ${String(issue.minimum)}`;
    default:
      return issue.message;
  }
}

/**
 * One finding per schema issue, on the line of the field, with a fix: `fixes` by field name (the last key of the
 * path), else a generic one. Unknown keys (strict schemas) are each one finding on the key's line.
 */
type SchemaKind = 'rule' | 'skill' | 'command' | 'hook' | 'permissions';

/** The rule id of a schema issue about `key` (an unknown key when `unknown`). */
function schemaRule(kind: SchemaKind, key: string, unknown: boolean): LintRuleId {
  if (kind === 'hook' || kind === 'permissions') {
    if (unknown) return `${kind}/unknown-field`;
    return kind === 'hook' && key === 'event' ? 'hook/event-unknown' : `${kind}/field-invalid`;
  }
  if (kind === 'rule' && key === 'activation') return 'rule/activation-unknown';
  if (kind === 'rule' && (key === 'globs' || key === 'paths')) return 'rule/glob-invalid';
  return `${kind}/field-invalid`;
}

function schemaFindings(
  kind: SchemaKind,
  rel: string,
  src: YamlSource,
  issues: ReadonlyArray<Issue>,
  add: Add,
  fixes: Record<string, string>,
  allowed: (path: FieldPath) => string,
): void {
  for (const issue of issues) {
    const path = issue.path as FieldPath;
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys)
        add({
          file: rel,
          ...src.at([...path, k]),
          rule: schemaRule(kind, k, true),
          field: fieldName([...path, k]),
          message: `unknown field "${fieldName([...path, k])}"`,
          fix: `remove it or correct the spelling; the fields here are ${allowed(path)}`,
        });
      continue;
    }
    const key = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
    const field = fieldName(path) || '(file)';
    add({
      file: rel,
      ...src.at(path),
      rule: schemaRule(kind, key, false),
      field,
      message: `field "${field}" ${describe(issue, src.data)}`,
      fix: fixes[key] ?? `correct "${field}"`,
    });
  }
}

const GLOB_FIX = 'write a list of quoted globs, e.g. globs: ["**/*.ts", "**/*.tsx"]';

const RULE_FIXES: Record<string, string> = {
  activation: `use one of ${RULE_ACTIVATIONS.join(', ')} (or leave it out: glob when paths/globs are set, else always)`,
  globs: GLOB_FIX,
  paths: GLOB_FIX.replace('globs:', 'paths:'),
  description: 'write the description as one line of text',
  title: 'write the title as one line of text',
  tags: 'write tags as a list, e.g. tags: [testing, backend]',
};

/** `description:` with nothing after it (Windsurf writes that) is a field left out, not a wrong type. */
const withoutEmpty = (data: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null));

/** A rule's frontmatter (any Markdown file outside the special folders). */
export function lintRule(rel: string, fm: Frontmatter, add: Add): void {
  if (fm.kind !== 'ok') return;
  const parsed = ruleFrontmatterSchema.safeParse(withoutEmpty(fm.data));
  if (!parsed.success) {
    schemaFindings('rule', rel, fm.source, parsed.error.issues, add, RULE_FIXES, () => 'any');
    return;
  }
  const r = parsed.data;
  const globs = [...(r.paths ?? []), ...(r.globs ?? [])];
  if (r.activation === 'agent-requested' && !r.description?.trim())
    add({
      file: rel,
      ...fm.source.at(['activation']),
      rule: 'rule/description-missing',
      field: 'description',
      message: 'an agent-requested rule needs a description: the tool reads only the description to decide',
      fix: 'add description: one sentence saying when the agent should read this rule',
    });
  if (r.activation === 'glob' && !globs.length)
    add({
      file: rel,
      ...fm.source.at(['activation']),
      rule: 'rule/globs-missing',
      field: 'activation',
      message: 'activation: glob needs paths or globs',
      fix: 'add paths: ["src/**/*.ts"], or remove activation to load the rule always',
    });
  for (const [key, list] of [
    ['paths', r.paths],
    ['globs', r.globs],
  ] as const)
    if (list !== undefined && !list.length)
      add({
        file: rel,
        ...fm.source.at([key]),
        rule: 'rule/globs-empty',
        field: key,
        message: `${key} is empty: the rule loads always`,
        fix: `list the files it applies to, or remove ${key}`,
      });
}

export interface SkillInfo {
  readonly name: string;
  readonly path: string;
  readonly tags: ReadonlyArray<string>;
}

const SKILL_FIXES: Record<string, string> = {
  name: 'set name to the folder name (lower-case letters, digits and hyphens)',
  description: 'write what the skill does and when to use it, in at most 1024 characters',
  'allowed-tools': 'list tool names, e.g. allowed-tools: [Read, Grep]',
  'disable-model-invocation': 'write true or false',
  'user-invocable': 'write true or false',
  tags: 'write tags as a list, e.g. tags: [testing]',
};

/** `skills/<folder>/SKILL.md`: name (required, the folder's name, SKILL_NAME), description (required, ≤1024). */
export function lintSkill(folder: string, fm: Frontmatter | undefined, add: Add): SkillInfo {
  const rel = `skills/${folder}/SKILL.md`;
  const info = (tags: ReadonlyArray<string> = []): SkillInfo => ({ name: folder, path: `skills/${folder}`, tags });
  if (!fm) {
    add({
      file: rel,
      line: 1,
      rule: 'skill/missing-skill-md',
      message: `the skill folder skills/${folder} has no SKILL.md`,
      fix: `add skills/${folder}/SKILL.md with name: ${folder} and a description`,
    });
    return info();
  }
  if (fm.kind === 'invalid') return info();
  if (fm.kind === 'none') {
    add({
      file: rel,
      line: 1,
      rule: 'skill/frontmatter-missing',
      message: 'SKILL.md has no frontmatter; name and description are required',
      fix: `start the file with "---", "name: ${folder}", "description: ...", "---"`,
    });
    return info();
  }
  const parsed = skillFrontmatterSchema.safeParse(fm.data);
  if (!parsed.success) schemaFindings('skill', rel, fm.source, parsed.error.issues, add, SKILL_FIXES, () => 'any');
  const name = fm.data.name;
  if (typeof name === 'string' && name) {
    if (!SKILL_NAME.test(name))
      add({
        file: rel,
        ...fm.source.at(['name']),
        rule: 'skill/name-invalid',
        field: 'name',
        message: `skill name "${name}" may hold only lower-case letters, digits and single hyphens`,
        fix: `rename it (and the folder) to "${toolName(name, 'skill')}"`,
      });
    else if (name !== folder)
      add({
        file: rel,
        ...fm.source.at(['name']),
        rule: 'skill/name-mismatch',
        field: 'name',
        message: `skill name "${name}" does not match its folder "skills/${folder}"`,
        fix: `set name: ${folder}, or rename the folder to skills/${name}`,
      });
  }
  if (!SKILL_NAME.test(folder) || folder.length > 64)
    add({
      file: rel,
      line: 1,
      rule: 'skill/folder-name-invalid',
      field: 'name',
      message: `the skill folder name "${folder}" is not a valid skill name (lower-case letters, digits, hyphens; 64)`,
      fix: `rename the folder to skills/${toolName(folder, 'skill')}`,
    });
  return info(tagsField(fm.data));
}

export interface ItemInfo {
  readonly rel: string;
  /** The name selectors use: the file's base name without its extension. */
  readonly name: string;
  readonly tags: ReadonlyArray<string>;
}

const COMMAND_FIXES: Record<string, string> = {
  description: 'write the description as one line of text',
  'argument-hint': 'write the hint as one quoted string, e.g. argument-hint: "[issue-number]"',
  'allowed-tools': 'list tool names, e.g. allowed-tools: [Read, "Bash(git diff:*)"]',
  model: 'write the model name as a string',
  tags: 'write tags as a list, e.g. tags: [review]',
};

/** `commands/<name>.md`: the frontmatter fields are typed, and a description is recommended. */
export function lintCommand(rel: string, fm: Frontmatter, add: Add): ItemInfo {
  const name = rel.replace(/^commands\//, '').replace(/\.md$/i, '');
  const base = inToolArea(rel) ? toolCommandName(rel) : (name.split('/').pop() ?? name);
  const info = { rel, name: base, tags: fm.kind === 'ok' ? tagsField(fm.data) : [] };
  if (fm.kind === 'invalid') return info;
  const data = fm.kind === 'ok' ? withoutEmpty(fm.data) : {};
  if (fm.kind === 'ok') {
    const parsed = commandFrontmatterSchema.safeParse(data);
    if (!parsed.success)
      schemaFindings('command', rel, fm.source, parsed.error.issues, add, COMMAND_FIXES, () => 'any');
  }
  if (typeof data.description !== 'string' || !data.description.trim())
    add({
      file: rel,
      ...(fm.kind === 'ok' ? fm.source.at(['description']) : { line: 1 }),
      rule: 'command/description-missing',
      field: 'description',
      message: 'a command should have a description: tools show it in the command list, and some pick by it',
      fix: 'add description: one line saying what the command does',
    });
  const mapped = toolName(base, 'skill');
  if (mapped !== base)
    add({
      file: rel,
      line: 1,
      rule: 'command/name-mapped',
      field: 'name',
      message: `the command name "${base}" becomes "${mapped}" in tools with stricter names (skills, Claude Code)`,
      fix: `rename the file to ${inToolArea(rel) ? rel.replace(/[^/]*$/, '') : 'commands/'}${mapped}.md`,
    });
  return info;
}

function parseDataFile(kind: 'hook' | 'permissions', rel: string, text: string, add: Add): YamlSource | undefined {
  const parsed = /\.json$/i.test(rel) ? parseJson(text) : parseYamlAt(text);
  if (!parsed.ok) {
    add({
      file: rel,
      line: parsed.line,
      col: parsed.col,
      rule: `${kind}/parse-error`,
      message: `${/\.json$/i.test(rel) ? 'invalid JSON' : 'invalid YAML'}: ${parsed.message}`,
      fix: 'fix the syntax',
    });
    return undefined;
  }
  const d = parsed.source.data;
  if (d === null || d === undefined || typeof d !== 'object' || Array.isArray(d)) {
    add({
      file: rel,
      line: 1,
      rule: `${kind}/not-a-mapping`,
      message: d === null || d === undefined ? 'the file is empty' : 'the file must be a mapping (key: value lines)',
      fix: rel.startsWith('hooks/')
        ? 'write "hooks:" with a list of entries, each with event and command'
        : 'write lists under allow, ask, deny or ignore',
    });
    return undefined;
  }
  return parsed.source;
}

/** Claude Code's event names, so a fix can name the canonical one. */
const CLAUDE_EVENTS: Record<string, string> = {
  PreToolUse: 'pre-tool',
  PostToolUse: 'post-tool',
  UserPromptSubmit: 'prompt-submit',
  Stop: 'stop',
  SubagentStop: 'subagent-stop',
  SessionStart: 'session-start',
  SessionEnd: 'session-end',
  PreCompact: 'pre-compact',
  Notification: 'notification',
};

/** `hooks/<name>.yaml`: `hookFileSchema` (events, commands, timeouts), and a matcher only where it means something. */
export function lintHookFile(rel: string, text: string, add: Add): ItemInfo {
  const name = (rel.split('/').pop() ?? rel).replace(/\.(ya?ml|json)$/i, '');
  const src = parseDataFile('hook', rel, text, add);
  if (!src) return { rel, name, tags: [] };
  const data = src.data as Record<string, unknown>;
  const h = data.hooks;
  if (data.schemaVersion === undefined && h && typeof h === 'object' && !Array.isArray(h)) {
    // Claude Code's own format (settings.json `hooks`, a plugin's hooks/hooks.json): events as keys.
    add({
      file: rel,
      ...src.at(['hooks']),
      rule: 'hook/tool-native',
      message: "Claude Code's own hooks format (events as keys): shared as a file, not installed as library hooks",
      fix: 'nothing, to share it as a file; to install it with ai-config, write it as library hooks (event, command)',
    });
    return { rel, name, tags: tagsField(data) };
  }
  const parsed = hookFileSchema.safeParse(data);
  if (!parsed.success) {
    const eventFix = (): string => {
      const bad = parsed.error.issues.find((i) => i.path.at(-1) === 'event');
      const v = bad ? get(data, bad.path as FieldPath) : undefined;
      const canon = typeof v === 'string' ? CLAUDE_EVENTS[v] : undefined;
      return canon
        ? `write event: ${canon} (the library's name for ${String(v)})`
        : `use one of ${HOOK_EVENTS.join(', ')}`;
    };
    const fixes = {
      event: eventFix(),
      command: 'add command: the shell command to run (it gets the event as JSON on stdin)',
      matcher: 'write the tool-name pattern as a string, e.g. matcher: "Edit|Write"',
      timeout: 'write the timeout in whole seconds, at most 3600',
      hooks: 'list at least one entry under hooks:, each with event and command',
      schemaVersion: 'write schemaVersion: 1',
      description: 'write the description as one line of text',
      tags: 'write tags as a list, e.g. tags: [format]',
    };
    schemaFindings('hook', rel, src, parsed.error.issues, add, fixes, (path) =>
      path.length ? 'event, matcher, command, timeout' : 'schemaVersion, description, tags, hooks',
    );
    return { rel, name, tags: tagsField(data) };
  }
  parsed.data.hooks.forEach((h, i) => {
    // Every other event has a matcher in some tool (Claude Code: how a session started, the compaction trigger...).
    if (h.matcher !== undefined && (h.event === 'prompt-submit' || h.event === 'stop'))
      add({
        file: rel,
        ...src.at(['hooks', i, 'matcher']),
        rule: 'hook/matcher-ignored',
        field: `hooks[${i}].matcher`,
        message: `matcher is ignored for event ${h.event} (no tool filters prompt-submit or stop hooks)`,
        fix: 'remove the matcher',
      });
  });
  return { rel, name, tags: parsed.data.tags ?? [] };
}

/** `Tool`, `Tool(specifier)`, `mcp__server__tool`: Claude Code's permission-rule syntax. */
const PERMISSION_RULE = /^[A-Za-z][A-Za-z0-9_-]*(?:\(.*\))?$/;

/** `permissions/<name>.yaml`: `permissionsFileSchema`, and every allow/ask/deny entry in Claude's rule syntax. */
export function lintPermissionsFile(rel: string, text: string, add: Add): ItemInfo {
  const name = (rel.split('/').pop() ?? rel).replace(/\.(ya?ml|json)$/i, '');
  const src = parseDataFile('permissions', rel, text, add);
  if (!src) return { rel, name, tags: [] };
  const data = src.data as Record<string, unknown>;
  const parsed = permissionsFileSchema.safeParse(data);
  if (!parsed.success) {
    const list = 'write a list of strings, e.g. ["Bash(npm test:*)", "Read(./.env)"]';
    schemaFindings(
      'permissions',
      rel,
      src,
      parsed.error.issues,
      add,
      {
        allow: list,
        ask: list,
        deny: list,
        ignore: 'write a list of gitignore patterns, e.g. [".env", "secrets/**"]',
        schemaVersion: 'write schemaVersion: 1',
        description: 'write the description as one line of text',
        tags: 'write tags as a list',
      },
      () => 'schemaVersion, description, tags, allow, ask, deny, ignore',
    );
    return { rel, name, tags: tagsField(data) };
  }
  const p = parsed.data;
  for (const key of ['allow', 'ask', 'deny'] as const)
    p[key].forEach((rule, i) => {
      if (!PERMISSION_RULE.test(rule.trim()))
        add({
          file: rel,
          ...src.at([key, i]),
          rule: 'permissions/rule-syntax',
          field: `${key}[${i}]`,
          message: `"${rule}" is not a permission rule (Tool or Tool(specifier))`,
          fix: 'write e.g. Bash(npm test:*), Read(./.env), WebFetch(domain:example.com) or mcp__github',
        });
    });
  if (!p.allow.length && !p.ask.length && !p.deny.length && !p.ignore.length)
    add({
      file: rel,
      line: 1,
      rule: 'permissions/empty',
      message: 'the permissions file has no rules',
      fix: 'list rules under allow, ask, deny or ignore',
    });
  return { rel, name, tags: p.tags ?? [] };
}
