import { parse as parseYaml } from 'yaml';
import type { Agent } from '../../shared/agents';
import {
  argumentHintText,
  commandFrontmatterSchema,
  HOOK_EVENTS,
  hookFileSchema,
  hookName,
  permissionsFileSchema,
  ruleFrontmatterSchema,
  type HookFile,
  type PermissionsFile,
} from '../../shared/content';
import { AppError } from '../../shared/errors';
import { parseFrontmatter } from '../library/frontmatter';
import { kindOf } from '../library/kind';
import { isToolFormat } from '../library/tool-folders';
import { readWalkedText } from '../workspace/boundary';
import { fileParsed, type LibraryFileRef } from './library-files';
import { resolveResources } from './resolve';
import { resolveSkills } from './resolve-skills';
import { baseName, selectItems, type Selectable } from './select';
import type { CommandContent, HookContent, PermissionSet, RuleText, SkillContent } from './targets/types';

/** Every kind an agent installs besides MCP servers, resolved across sources and personal. */
export interface ResolvedKinds {
  readonly rules: ReadonlyArray<RuleText>;
  readonly skills: ReadonlyArray<SkillContent>;
  readonly commands: ReadonlyArray<CommandContent>;
  readonly hooks: ReadonlyArray<HookContent>;
  readonly permissions: PermissionSet;
  /** The permission files merged into `permissions`, in order. */
  readonly permissionFiles: ReadonlyArray<{ readonly name: string; readonly source: string; readonly path: string }>;
  readonly warnings: ReadonlyArray<string>;
}

type Selectors = Pick<Agent, 'resources' | 'rules' | 'skills' | 'commands' | 'hooks' | 'permissions'>;

/** The first zod issue as `field "a.b" message`. */
function issueText(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  const issue = error.issues[0]!;
  return `field "${issue.path.map(String).join('.') || '(top level)'}" ${issue.message}`;
}

/**
 * The agent's rules (`rules` and `resources`, one list) with activation, globs and description from their
 * frontmatter. Invalid frontmatter is a warning naming the file and field, and the rule is loaded always.
 */
export function resolveRules(
  agent: Pick<Agent, 'resources' | 'rules'>,
  files: ReadonlyArray<LibraryFileRef>,
  warnings: string[],
): RuleText[] {
  const picked = resolveResources(agent, files);
  warnings.push(...picked.warnings);
  return picked.resources.map((r) => {
    const p = fileParsed(r.abs);
    const base = { source: r.source, path: r.path, abs: r.abs, body: p.body, title: p.title || r.path };
    const always = { ...base, description: '', activation: 'always' as const, globs: [] };
    if (!/\.(md|mdc|markdown)$/i.test(r.path)) return always;
    if (p.error) {
      warnings.push(`The rule ${r.source}/${r.path}: frontmatter is not valid YAML (${p.error}); loaded always.`);
      return always;
    }
    const fm = ruleFrontmatterSchema.safeParse(p.frontmatter);
    if (!fm.success) {
      warnings.push(`The rule ${r.source}/${r.path}: ${issueText(fm.error)}; loaded always.`);
      return always;
    }
    const globs = [...new Set([...(fm.data.paths ?? []), ...(fm.data.globs ?? [])])];
    const description = fm.data.description ?? '';
    let activation = fm.data.activation ?? (globs.length ? 'glob' : 'always');
    if (activation === 'glob' && !globs.length) {
      warnings.push(`The rule ${r.source}/${r.path}: activation "glob" needs paths or globs; loaded always.`);
      activation = 'always';
    }
    if (activation === 'agent-requested' && !description)
      warnings.push(
        `The rule ${r.source}/${r.path}: activation "agent-requested" needs a description ` +
          'the tool can decide by; add one.',
      );
    return { ...base, description, activation, globs };
  });
}

/** An allowed-tools field (a comma-separated string or a list) as a list. */
export function toolList(v: string | ReadonlyArray<string> | undefined): string[] {
  if (v === undefined) return [];
  return (typeof v === 'string' ? v.split(',') : [...v]).map((s) => s.trim()).filter(Boolean);
}

/** The commands an agent's `commands` selectors pick (name = the file's base name). */
export function resolveCommands(
  entries: ReadonlyArray<string>,
  files: ReadonlyArray<LibraryFileRef>,
  warnings: string[],
): CommandContent[] {
  const candidates = files
    // A folder's README documents the commands, and a tool's own command format (TOML) is not the library's.
    .filter((f) => kindOf(f.path) === 'command' && !isToolFormat(f.path) && !/(^|\/)README\.md$/i.test(f.path))
    .map((f) => ({ name: baseName(f.path), paths: [f.path], tags: () => f.tags, file: f }));
  const out: CommandContent[] = [];
  for (const { file: f, name } of selectItems('command', entries, candidates, warnings)) {
    if (out.some((c) => c.name === name)) {
      warnings.push(`The command ${f.source}/${f.path}: another selected command is also named "${name}"; skipped.`);
      continue;
    }
    const md = parseFrontmatter(readWalkedText(f.abs, f.path));
    const where = `${f.source}/${f.path}`;
    let fm: ReturnType<typeof commandFrontmatterSchema.parse> = {};
    if (md.error) warnings.push(`The command ${where}: frontmatter is not valid YAML (${md.error}); ignored.`);
    else {
      const parsed = commandFrontmatterSchema.safeParse(md.frontmatter);
      if (parsed.success) fm = parsed.data;
      else warnings.push(`The command ${where}: ${issueText(parsed.error)}; its frontmatter is ignored.`);
    }
    const hint = argumentHintText(fm['argument-hint']);
    out.push({
      name,
      description: fm.description ?? '',
      source: f.source,
      path: f.path,
      ...(hint ? { argumentHint: hint } : {}),
      allowedTools: toolList(fm['allowed-tools']),
      ...(fm.model ? { model: fm.model } : {}),
      body: md.body,
    });
  }
  return out;
}

/** Reads a YAML or JSON data file (hooks, permissions); INVALID_FILE names the file and the problem. */
function readData(f: LibraryFileRef, fix: string): unknown {
  const text = readWalkedText(f.abs, f.path);
  const where = `${f.source}/${f.path}`;
  try {
    return /\.json$/i.test(f.path) ? JSON.parse(text) : parseYaml(text, { prettyErrors: false });
  } catch (e) {
    const what = /\.json$/i.test(f.path) ? 'JSON' : 'YAML';
    throw new AppError('INVALID_FILE', `${where} is not valid ${what} (${(e as Error).message.split('\n')[0]}).`, fix);
  }
}

const HOOK_FIX =
  `Fix the hook file: "hooks" is a list of { event, command, matcher?, timeout? }, ` +
  `with event one of ${HOOK_EVENTS.join(', ')}.`;
const PERMISSIONS_FIX = 'Fix the permissions file: allow, ask, deny and ignore are lists of strings.';

/** Parses and validates a hook file; INVALID_FILE names the file, the field and the fix. */
export function parseHookFile(f: LibraryFileRef): HookFile {
  const parsed = hookFileSchema.safeParse(readData(f, HOOK_FIX));
  if (!parsed.success)
    throw new AppError('INVALID_FILE', `${f.source}/${f.path}: ${issueText(parsed.error)}.`, HOOK_FIX);
  return parsed.data;
}

/** Parses and validates a permissions file; INVALID_FILE names the file, the field and the fix. */
export function parsePermissionsFile(f: LibraryFileRef): PermissionsFile {
  const parsed = permissionsFileSchema.safeParse(readData(f, PERMISSIONS_FIX));
  if (!parsed.success)
    throw new AppError('INVALID_FILE', `${f.source}/${f.path}: ${issueText(parsed.error)}.`, PERMISSIONS_FIX);
  return parsed.data;
}

/** A hook or permissions file, parsed at most once per resolution (its tags, then its content, come from one parse). */
type DataCandidate<T> = Selectable & { readonly file: LibraryFileRef; readonly data: () => T };

/** Files of one data kind (hooks, permissions), selectable by name, path, glob or the tags inside them. */
function dataCandidates<T extends { readonly tags?: ReadonlyArray<string> }>(
  files: ReadonlyArray<LibraryFileRef>,
  kind: 'hook' | 'permissions',
  parse: (f: LibraryFileRef) => T,
): Array<DataCandidate<T>> {
  return (
    files
      // A tool's own hook file (`.cursor/hooks.json`) is shown with its kind but is not in the library's format.
      .filter((f) => kindOf(f.path) === kind && !isToolFormat(f.path))
      .map((f) => {
        let parsed: { value: T } | { error: unknown } | undefined;
        const data = (): T => {
          parsed ??= (() => {
            try {
              return { value: parse(f) };
            } catch (error) {
              return { error };
            }
          })();
          if ('error' in parsed) throw parsed.error;
          return parsed.value;
        };
        const readTags = () => {
          try {
            return data().tags ?? [];
          } catch {
            return []; // An invalid file fails when it is selected, which names it.
          }
        };
        return { name: baseName(f.path), paths: [f.path], tags: readTags, file: f, data };
      })
  );
}

/** The hooks of the hook files an agent's `hooks` selectors pick: one per entry, `name`, `name-2`, `name-3`... */
export function resolveHooks(
  entries: ReadonlyArray<string>,
  files: ReadonlyArray<LibraryFileRef>,
  warnings: string[],
): HookContent[] {
  const out: HookContent[] = [];
  for (const { file: f, name, data } of selectItems(
    'hook',
    entries,
    dataCandidates(files, 'hook', parseHookFile),
    warnings,
  )) {
    const parsed = data();
    parsed.hooks.forEach((h, i) => {
      out.push({
        ...h,
        name: hookName(name, i),
        source: f.source,
        path: f.path,
        description: parsed.description ?? '',
      });
    });
  }
  return out;
}

/** The permission files an agent's `permissions` selectors pick, merged in order (duplicates dropped). */
export function resolvePermissions(
  entries: ReadonlyArray<string>,
  files: ReadonlyArray<LibraryFileRef>,
  warnings: string[],
): { permissions: PermissionSet; files: ResolvedKinds['permissionFiles'] } {
  const lists = { allow: [] as string[], ask: [] as string[], deny: [] as string[], ignore: [] as string[] };
  const candidates = dataCandidates(files, 'permissions', parsePermissionsFile);
  const picked = selectItems('permissions file', entries, candidates, warnings);
  for (const { data } of picked) {
    const p = data();
    for (const key of ['allow', 'ask', 'deny', 'ignore'] as const)
      for (const v of p[key]) if (!lists[key].includes(v)) lists[key].push(v);
  }
  return {
    permissions: lists,
    files: picked.map(({ name, file }) => ({ name, source: file.source, path: file.path })),
  };
}

/**
 * Every kind the agent installs (rules, skills, commands, hooks, permissions). INVALID_FILE for an invalid hook or
 * permissions file, LIMIT_EXCEEDED for a skill folder above the caps; everything else is a warning.
 */
export function resolveKinds(agent: Selectors, files: ReadonlyArray<LibraryFileRef>): ResolvedKinds {
  const warnings: string[] = [];
  const rules = resolveRules(agent, files, warnings);
  const skills = resolveSkills(agent.skills, files, warnings);
  const commands = resolveCommands(agent.commands, files, warnings);
  const hooks = resolveHooks(agent.hooks, files, warnings);
  const perms = resolvePermissions(agent.permissions, files, warnings);
  return {
    rules,
    skills,
    commands,
    hooks,
    permissions: perms.permissions,
    permissionFiles: perms.files,
    warnings,
  };
}

/**
 * {@link resolveKinds} for showing an agent: an invalid hook or permissions file, or a skill folder above the caps,
 * is a warning (its message) and that kind is left empty, so the rest can still be shown.
 */
export function resolveKindsLenient(agent: Selectors, files: ReadonlyArray<LibraryFileRef>): ResolvedKinds {
  const warnings: string[] = [];
  const attempt = <T>(f: () => T, empty: T): T => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      warnings.push(e.message);
      return empty;
    }
  };
  const rules = resolveRules(agent, files, warnings);
  const skills = attempt(() => resolveSkills(agent.skills, files, warnings), []);
  const commands = resolveCommands(agent.commands, files, warnings);
  const hooks = attempt(() => resolveHooks(agent.hooks, files, warnings), []);
  const perms = attempt(() => resolvePermissions(agent.permissions, files, warnings), {
    permissions: { allow: [], ask: [], deny: [], ignore: [] },
    files: [],
  });
  return { rules, skills, commands, hooks, permissions: perms.permissions, permissionFiles: perms.files, warnings };
}

/** Resolutions per agent, for one library walk (one install into several tools resolves them once). */
const byWalk = new WeakMap<ReadonlyArray<LibraryFileRef>, Map<string, ResolvedKinds>>();

/** {@link resolveKinds}, once per agent and library walk (a failure is not kept: the next call tries again). */
export function kindsFor(agent: Selectors & Pick<Agent, 'source' | 'path'>, files: ReadonlyArray<LibraryFileRef>) {
  const key = JSON.stringify([
    agent.source,
    agent.path,
    agent.rules,
    agent.resources,
    agent.skills,
    agent.commands,
    agent.hooks,
    agent.permissions,
  ]);
  let byAgent = byWalk.get(files);
  if (!byAgent) byWalk.set(files, (byAgent = new Map()));
  let hit = byAgent.get(key);
  if (!hit) {
    hit = resolveKinds(agent, files);
    byAgent.set(key, hit);
  }
  return hit;
}
