import { agentFileText } from '../write-agent';
import { ConvertCtx } from './context';
import { convertAgentJson } from './convert-agent-json';
import { convertAgentMarkdown } from './convert-agents';
import { convertCommand } from './convert-commands';
import { convertCursorCli } from './cursor-permissions';
import { convertFlatHooks } from './convert-flat-hooks';
import { convertCodexToml, convertMcpJson, convertMcpMarkdown } from './convert-mcp';
import { convertMemory, convertRule } from './convert-rules';
import { convertClaudeSettings, convertHooksJson, convertIgnoreFile } from './convert-settings';
import { convertSkill, skillRootOf, skillRoots } from './convert-skills';
import { detectFile, type Detected } from './detect';
import type { ConvertResult, ImportInput, ImportIo } from './types';
import { libraryName } from './names';

export type { ConvertResult, ConvertedFile, ImportInput, ImportIo } from './types';

/**
 * Turns existing tool files into library files of their own kinds: rules (with activation and globs), skills
 * (whole folders), commands, hooks, permissions, MCP servers and agents. Each tool's rules, skills, commands,
 * hooks and permissions are selected by one agent `<label>-<tool>`, its shared MCP servers by `<label>-<tool>-mcp`,
 * so installing those agents back into the tool writes what was imported. Deterministic: the same inputs give the
 * same files, names and order.
 */
export function convertImport(inputs: ReadonlyArray<ImportInput>, label: string, io: ImportIo): ConvertResult {
  const unsafe = inputs.filter((i) => !safeRel(i.rel));
  const sorted = inputs.filter((i) => safeRel(i.rel)).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const ctx = new ConvertCtx(libraryName(label), io, sorted);
  for (const i of unsafe)
    ctx.skip(i.rel, 'its path leaves the imported folder (an absolute path, "..", or a backslash): not read');
  const roots = skillRoots(sorted);
  const rest: ImportInput[] = [];
  for (const root of roots)
    convertSkill(
      ctx,
      root,
      sorted.filter((i) => skillRootOf(i.rel, roots) === root),
    );
  const later: Array<[ImportInput, Detected & { kind: 'agent-json' }]> = [];
  for (const input of sorted) {
    if (skillRootOf(input.rel, roots) !== undefined) continue;
    if (input.bytes) {
      ctx.skip(input.rel, 'binary file: not imported');
      continue;
    }
    const d = detectFile(input.rel, input.text);
    if (!d) {
      rest.push(input);
      continue;
    }
    if (d.kind === 'agent-json') {
      later.push([input, d]);
      continue;
    }
    guarded(ctx, input, () => convertOne(ctx, input, d));
  }
  // Agents last: their `resources` point at rules and skills the other inputs became.
  for (const [input, d] of later) guarded(ctx, input, () => convertAgentJson(ctx, input, d.tool, d.as));
  for (const input of rest)
    if (!ctx.isRecognised(input.rel)) ctx.skip(input.rel, 'not a tool configuration AI Configurator knows');
  writeAgents(ctx);
  // An input whose whole content went into another input's file is reported as merged only.
  const own = new Set(ctx.files.map((f) => f.from));
  const mergedFrom = new Set(ctx.merged.map((m) => m.from));
  const recognised = ctx.recognised.filter((r) => own.has(r.from) || !mergedFrom.has(r.from));
  return {
    files: ctx.files,
    skipped: ctx.skipped,
    warnings: ctx.warnings,
    recognised,
    merged: ctx.merged,
  };
}

function convertOne(ctx: ConvertCtx, input: ImportInput, d: Exclude<Detected, { kind: 'agent-json' }>): void {
  switch (d.kind) {
    case 'memory':
      return convertMemory(ctx, input, d.tool, d.as);
    case 'rule':
      return convertRule(ctx, input, d.tool, d.dialect, d.as);
    case 'command':
      return convertCommand(ctx, input, d.tool, d.format, d.as);
    case 'agent-md':
      return convertAgentMarkdown(ctx, input, d.tool, d.as);
    case 'settings':
      return d.tool === 'claude-code'
        ? convertClaudeSettings(ctx, input, d.as)
        : convertHooksJson(ctx, input, d.tool, d.as);
    case 'cursor-cli':
      return convertCursorCli(ctx, input, d.as);
    case 'ignore':
      return convertIgnoreFile(ctx, input, d.tool, d.as);
    case 'hooks':
      return convertFlatHooks(ctx, input, d.tool, d.as);
    case 'mcp':
      return /\.(md|markdown|mdc)$/i.test(input.rel)
        ? convertMcpMarkdown(ctx, input, d.tool, d.as)
        : convertMcpJson(ctx, input, d.tool, d.as);
    case 'codex-toml':
      return convertCodexToml(ctx, input, d.as);
  }
}

/** A relative "/" path with no empty, "." or ".." segment: what it makes stays inside the workspace. */
function safeRel(rel: string): boolean {
  return (
    rel !== '' && !/[\\\0]|^[A-Za-z]:/.test(rel) && rel.split('/').every((s) => s !== '' && s !== '.' && s !== '..')
  );
}

/** A parser failure is a skip with the reason, never a crash. */
function guarded(ctx: ConvertCtx, input: ImportInput, run: () => void): void {
  const files = ctx.files.length;
  try {
    run();
  } catch (e) {
    ctx.files.splice(files);
    ctx.skip(input.rel, `could not be read: ${(e as Error).message.split('\n')[0]}`);
  }
}

function uniq(list: ReadonlyArray<string>): string[] {
  return [...new Set(list)];
}

/** The agents: each one read from a tool's agent file, then per tool its bundle and its shared servers. */
function writeAgents(ctx: ConvertCtx): void {
  for (const a of ctx.drafts) {
    const fm = {
      name: a.name,
      ...(a.title ? { title: a.title } : {}),
      description: a.description,
      tags: ['imported', a.tool],
      resources: [],
      ...(a.rules.length ? { rules: a.rules } : {}),
      ...(a.skills.length ? { skills: a.skills } : {}),
      ...(a.permissions?.length ? { permissions: a.permissions } : {}),
      mcpServers: a.mcpServers,
      settings: a.settings,
    };
    ctx.file(a.from, 'agent', `agents/${a.name}.md`, agentFileText(fm, a.prompt));
  }
  for (const [tool, b] of [...ctx.bundles].sort(([x], [y]) => x.localeCompare(y))) {
    const name = ctx.agentName(b.from, `${ctx.label}-${tool}`);
    const extra = ctx.bundleSettings[tool];
    const fm = {
      name,
      description: `Rules, skills, commands, hooks and permissions imported from ${tool}`,
      tags: ['imported', tool],
      resources: [],
      ...(b.rules.length ? { rules: uniq(b.rules) } : {}),
      ...(b.skills.length ? { skills: uniq(b.skills) } : {}),
      ...(b.commands.length ? { commands: uniq(b.commands) } : {}),
      ...(b.hooks.length ? { hooks: uniq(b.hooks) } : {}),
      ...(b.permissions.length ? { permissions: uniq(b.permissions) } : {}),
      mcpServers: [],
      settings: extra ? { [tool]: { extra } } : {},
    };
    ctx.file(b.from, 'agent', `agents/${name}.md`, agentFileText(fm, ''));
  }
  for (const [tool, s] of [...ctx.sharedServers].sort(([x], [y]) => x.localeCompare(y))) {
    const name = ctx.agentName(s.from, `${ctx.label}-${tool}-mcp`);
    const fm = {
      name,
      description: `MCP servers imported from ${tool}`,
      tags: ['imported', tool],
      resources: [],
      mcpServers: [...s.names].sort(),
      settings: {},
    };
    ctx.file(s.from, 'agent', `agents/${name}.md`, agentFileText(fm, ''));
  }
}
