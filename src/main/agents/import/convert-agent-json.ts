import { globToRegExp, isGlob } from '../glob';
import type { ConvertCtx } from './context';
import { parseJsonc, obj } from './jsonc';
import { addServer } from './convert-mcp';
import { kiroAgentPermissions } from './kiro-permissions';
import { baseOf, dirOf, fileName } from './names';
import type { ImportInput } from './types';

const KNOWN = new Set(['$schema', 'name', 'description', 'prompt', 'mcpServers', 'resources']);
const SETTINGS = ['tools', 'allowedTools', 'model', 'toolAliases', 'toolsSettings', 'hooks', 'useLegacyMcpJson'];
const KIRO_NATIVE = new Set(['includeMcpJson']);
const MAX_WALK = 5000;

/** The import root on disk, from an input's absolute and relative paths (undefined for dropped files). */
function rootOf(input: ImportInput): string | undefined {
  if (!input.abs) return undefined;
  const abs = input.abs.split('\\').join('/');
  return abs.endsWith(input.rel) ? abs.slice(0, abs.length - input.rel.length).replace(/\/$/, '') : undefined;
}

/** A `file://` or `skill://` uri as a path relative to the import root, or undefined when it points outside. */
function relOf(uri: string, input: ImportInput, root: string | undefined, againstFile: boolean): string | undefined {
  let p = uri.replace(/^(file|skill):\/\//, '');
  if (p.startsWith('~')) return undefined;
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) {
    if (!root || !p.startsWith(`${root}/`)) return undefined;
    p = p.slice(root.length + 1);
  } else if (againstFile) p = [dirOf(input.rel), p].filter(Boolean).join('/');
  const parts: string[] = [];
  for (const seg of p.replace(/^\.\//, '').split('/')) {
    if (seg === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Every path under the import root a glob matches: the inputs, and (on disk) a walk from the glob's fixed prefix. */
function expand(ctx: ConvertCtx, pattern: string, root: string | undefined): string[] {
  const re = globToRegExp(pattern);
  const found = new Set(ctx.inputs.map((i) => i.rel).filter((r) => re.test(r)));
  const list = ctx.io.listDir;
  if (list && root) {
    const fixed = pattern.split('/');
    const prefix = fixed
      .slice(
        0,
        fixed.findIndex((s) => isGlob(s)),
      )
      .join('/');
    const queue = [prefix];
    for (let seen = 0; queue.length && seen < MAX_WALK; seen++) {
      const dir = queue.shift()!;
      for (const name of list(dir ? `${root}/${dir}` : root) ?? []) {
        const rel = dir ? `${dir}/${name}` : name;
        if (re.test(rel)) found.add(rel);
        if (!name.startsWith('.git')) queue.push(rel);
      }
    }
  }
  return [...found].sort();
}

/** A file's text: an input's, or read through the import's boundary. */
function textOf(ctx: ConvertCtx, rel: string, root: string | undefined): string | undefined {
  // io reads through the import root's boundary (gather.ts readImported): never outside it, never through a symlink.
  const { readFile: readInImport } = ctx.io;
  return ctx.inputs.find((i) => i.rel === rel)?.text ?? (root ? readInImport(`${root}/${rel}`) : undefined);
}

/**
 * The library rule a resource became: the rule its input was imported as, or (a file no tool reads on its own, such
 * as a README) one copy under `rules/<label>/` with its relative path, shared by every agent that lists it.
 */
function ruleFor(ctx: ConvertCtx, rel: string, agent: string, root: string | undefined): string | undefined {
  const made = ctx.files.find((f) => f.from === rel && f.kind === 'rule');
  if (made) return made.path;
  const text = textOf(ctx, rel, root);
  if (text === undefined) return undefined;
  const parts = rel.split('/');
  const dir = ['rules', ctx.label, ...parts.slice(0, -1).map((p) => fileName(p))].join('/');
  const { path } = ctx.claimPath(
    rel,
    dir,
    parts[parts.length - 1]!.replace(/\.(md|mdc|markdown|txt)$/i, ''),
    '.md',
    'kiro',
  );
  ctx.file(rel, 'rule', path, text);
  ctx.recognise(rel, `a resource of the agent ${agent}`);
  return path;
}

/**
 * An Amazon Q or Kiro agent JSON: its prompt (inline or `file://`), its OWN servers only, its `resources` (`file://`
 * paths and globs, `skill://`) as rules and skills, and the fields we do not model under `settings.<tool>`.
 */
export function convertAgentJson(ctx: ConvertCtx, input: ImportInput, tool: 'amazon-q' | 'kiro', as: string): void {
  const parsed = parseJsonc(input.text);
  if ('error' in parsed) {
    ctx.skip(input.rel, `is not valid JSON (${parsed.error}): fix it and import again`);
    return;
  }
  const j = obj(parsed.value);
  const root = rootOf(input);
  const raw = typeof j.name === 'string' && j.name ? j.name : baseOf(input.rel).replace(/\.jsonc?$/i, '');
  const name = ctx.agentName(input.rel, raw);
  const mcpServers = Object.entries(obj(j.mcpServers)).map(([n, e]) => addServer(ctx, input.rel, n, obj(e)));
  let prompt = typeof j.prompt === 'string' ? j.prompt : '';
  if (prompt.startsWith('file://')) {
    const rel = relOf(prompt, input, root, true) ?? relOf(prompt, input, root, false);
    const text = rel === undefined ? undefined : textOf(ctx, rel, root);
    if (text === undefined)
      ctx.warnings.push(
        `${input.rel}: the agent "${name}" has the prompt ${prompt}, which was not found (or is outside the imported folder); its prompt is empty.`,
      );
    prompt = text ?? '';
  }
  const rules: string[] = [];
  const skills: string[] = [];
  for (const uri of Array.isArray(j.resources) ? j.resources.filter((r): r is string => typeof r === 'string') : []) {
    const rel = relOf(uri, input, root, false);
    const rels = rel === undefined ? [] : isGlob(rel) ? expand(ctx, rel, root) : [rel];
    const picked = uri.startsWith('skill://')
      ? skillsFor(ctx, rels)
      : rels.flatMap((r) => ruleFor(ctx, r, name, root) ?? []);
    if (!picked.length) {
      ctx.warnings.push(
        `${input.rel}: the agent "${name}" lists the resource ${uri}, which matches no file inside the imported folder; it was left out.`,
      );
      continue;
    }
    for (const p of picked)
      if (!(uri.startsWith('skill://') ? skills : rules).includes(p))
        (uri.startsWith('skill://') ? skills : rules).push(p);
  }
  const s: Record<string, unknown> = {};
  for (const k of SETTINGS) if (j[k] !== undefined && !(k === 'tools' && JSON.stringify(j[k]) === '["*"]')) s[k] = j[k];
  const extra = Object.fromEntries(
    Object.entries(j).filter(
      ([k]) => !KNOWN.has(k) && !SETTINGS.includes(k) && !(tool === 'kiro' && KIRO_NATIVE.has(k)),
    ),
  );
  const aside: unknown[] = [];
  const permissions = tool === 'kiro' ? kiroAgentPermissions(ctx, input.rel, name, j.permissions, aside) : [];
  // Not under `extra` (written into the agent file as is, over the permissions the library's file gives).
  if (tool === 'kiro' && j.permissions !== undefined) delete extra.permissions;
  if (aside.length) s.unmappedPermissions = aside;
  if (Object.keys(extra).length) s.extra = extra;
  ctx.drafts.push({
    from: input.rel,
    name,
    ...(raw !== name ? { title: raw } : {}),
    tool,
    description: typeof j.description === 'string' ? j.description : '',
    prompt,
    rules,
    skills,
    ...(permissions.length ? { permissions } : {}),
    mcpServers,
    settings: Object.keys(s).length ? { [tool]: s } : {},
  });
  ctx.recognise(input.rel, as);
}

/** The names of the imported skills whose SKILL.md a `skill://` resource matches. */
function skillsFor(ctx: ConvertCtx, rels: ReadonlyArray<string>): string[] {
  return rels.flatMap((r) => {
    const f = ctx.files.find((x) => x.from === (r.endsWith('SKILL.md') ? r : `${r}/SKILL.md`) && x.kind === 'skill');
    return f ? [f.path.split('/')[1]!] : [];
  });
}
