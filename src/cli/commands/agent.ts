import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { TOOL_IDS, type InstallResult, type ToolId } from '../../shared/agents';
import type { CommandRunner } from '../command';
import type { CommandContext } from '../context';
import { UsageError } from '../output';
import { installApproving } from './agent-approve';

interface InstallOpts {
  json?: boolean;
  tool?: string;
  scope?: string;
  project?: string;
  dryRun?: boolean;
  onDrift?: string;
  approve?: boolean;
  followSymlink?: string[];
  allowUserFiles?: boolean;
}

/**
 * Turns the install flags into one request per tool (`--tool a,b`); usage errors for a bad tool, scope or drift
 * choice.
 */
function installRequests(name: string, o: InstallOpts) {
  const tools = (o.tool ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const bad = tools.find((t) => !(TOOL_IDS as ReadonlyArray<string>).includes(t));
  if (!tools.length || bad)
    throw new UsageError(
      `--tool must be one or more (comma-separated) of ${TOOL_IDS.join(', ')}${bad ? `, not "${bad}"` : ''}.`,
    );
  return tools.map((tool) => installRequest(name, { ...o, tool }));
}

function installRequest(name: string, o: InstallOpts) {
  const scope = o.scope ?? (o.project ? 'project' : 'user');
  if (scope !== 'user' && scope !== 'project') throw new UsageError(`--scope must be user or project, not "${scope}".`);
  if (scope === 'project' && !o.project) throw new UsageError('--scope project needs --project DIR.');
  if (o.onDrift && !['overwrite', 'adopt', 'skip'].includes(o.onDrift))
    throw new UsageError(`--on-drift must be overwrite, adopt or skip, not "${o.onDrift}".`);
  return {
    name,
    tool: o.tool as ToolId,
    scope: scope as 'user' | 'project',
    ...(scope === 'project' ? { project: path.resolve(o.project!) } : {}),
    ...(o.dryRun ? { dryRun: true } : {}),
    ...(o.onDrift ? { onDrift: o.onDrift as 'overwrite' | 'adopt' | 'skip' } : {}),
    ...(o.followSymlink?.length ? { followSymlinks: o.followSymlink.map((p) => path.resolve(p)) } : {}),
    ...(o.allowUserFiles ? { allowUserFiles: true } : {}),
  };
}

/** Collects a repeatable option's values. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function printResult(ctx: CommandContext, r: InstallResult): void {
  const { io } = ctx;
  for (const f of r.files) {
    const drift = f.drift.map((d) => `${d.what} ${d.kind}`).join(', ');
    const note = f.drift.length ? `  (drift: ${drift}${f.resolution ? `; ${f.resolution}` : ''})` : '';
    io.out(`${f.action.padEnd(9)} ${f.path}${note}\n`);
    if (r.dryRun && f.diff) io.out(f.diff);
  }
  for (const w of r.warnings) io.out(`warning: ${w}\n`);
  io.out(
    r.dryRun
      ? `Dry run: ${r.files.filter((f) => f.action !== 'unchanged' && f.action !== 'skip').length} file(s) ` +
          'would change; nothing was written.\n'
      : `${r.written} file(s) written.\n`,
  );
}

function addInstallFlags(cmd: Command): Command {
  return cmd
    .requiredOption('--tool <tools>', `the tool, or several separated by commas: ${TOOL_IDS.join(', ')}`)
    .option('--scope <scope>', 'user (files under your home folder) or project (files in --project)')
    .option('--project <dir>', 'the project folder for a project-scope install')
    .option('--dry-run', 'show the per-file diff and write nothing')
    .option(
      '--on-drift <choice>',
      'when a managed file changed since the last install: overwrite, adopt (keep theirs) or skip',
    )
    .option(
      '--follow-symlink <path>',
      'write through this symlinked tool file or folder (repeatable; see settings filesystem.allowSymlinks)',
      collect,
    )
    .option('--json', 'print the result as JSON');
}

export function registerAgent(program: Command, run: CommandRunner): Command {
  const agent = program.command('agent').description('List, show, create, install and uninstall agents.');
  agent
    .command('list')
    .description('List the agents in the library and personal workspace, with where each is installed.')
    .option('--json', 'print the agents as JSON')
    .action((opts: { json?: boolean }) =>
      run('agent list', opts, async (ctx) => {
        const { agents } = await ctx.call('agents:list', {});
        if (ctx.flags.json) return agents;
        for (const a of agents) {
          const where = a.installs
            .map((i) => `${i.tool}${i.scope === 'project' ? `@${i.project}` : ''} (${i.state})`)
            .join(', ');
          const about = a.error ? `INVALID: ${a.error}` : a.description;
          const installed = where ? `\n${''.padEnd(36)}installed: ${where}` : '';
          ctx.io.out(`${a.name.padEnd(24)} ${a.source.padEnd(10)} ${about}${installed}\n`);
        }
        ctx.io.out(`${agents.length} agents\n`);
        return undefined;
      }),
    );
  agent
    .command('show <name>')
    .description('Show an agent: prompt, resolved resources, MCP servers and installs.')
    .option('--json', 'print the agent as JSON')
    .action((name: string, opts: { json?: boolean }) =>
      run('agent show', opts, async (ctx) => {
        const d = await ctx.call('agents:show', { name });
        if (ctx.flags.json) return d;
        const { io } = ctx;
        io.out(
          `${d.agent.title ?? d.agent.name} (${d.agent.source}/${d.agent.path})\n` +
            `${d.agent.description}\n\nResources:\n`,
        );
        for (const r of d.resources) io.out(`  ${r.source}/${r.path}  (via ${r.via})\n`);
        io.out(`MCP servers: ${d.mcpServers.map((s) => s.name).join(', ') || 'none'}\n`);
        io.out(
          `Context: about ${d.budget.tokens.toLocaleString('en')} tokens; ${
            d.budget.perTool
              .filter((t) => t.over)
              .map((t) => `over the ${t.limit.toLocaleString('en')} suggested for ${t.tool}`)
              .join(', ') || "within every tool's budget"
          }\n`,
        );
        for (const i of d.installs)
          io.out(`Installed: ${i.tool} ${i.scope}${i.project ? ` ${i.project}` : ''}: ${i.state}\n`);
        for (const w of d.warnings) io.out(`warning: ${w}\n`);
        io.out(`\n${d.agent.prompt}`);
        return undefined;
      }),
    );
  agent
    .command('create <name>')
    .description('Create an agent in the personal workspace (agents/NAME.md), empty or from an agent file.')
    .option('--from <file>', 'an agent Markdown file to copy')
    .option('--title <title>', 'a display title')
    .option('--description <text>', 'what the agent does')
    .option('--json', 'print the result as JSON')
    .action((name: string, opts: { json?: boolean; from?: string; title?: string; description?: string }) =>
      run('agent create', opts, async (ctx) => {
        let from: string | undefined;
        if (opts.from) {
          try {
            from = fs.readFileSync(opts.from, 'utf8');
          } catch {
            throw new UsageError(`Cannot read --from file "${opts.from}".`);
          }
        }
        const r = await ctx.call('agents:create', {
          name,
          ...(from !== undefined ? { from } : {}),
          ...(opts.title ? { title: opts.title } : {}),
          ...(opts.description ? { description: opts.description } : {}),
        });
        if (ctx.flags.json) return r;
        ctx.io.out(`Created ${r.path}\n`);
        return undefined;
      }),
    );
  addInstallFlags(
    agent
      .command('install <name>')
      .description('Install an agent into a tool (preview with --dry-run). Writes only what it owns; never clobbers.')
      .option(
        '--approve',
        'approve the MCP server commands it shows (new or changed in a library source), then install',
      )
      .option(
        '--allow-user-files',
        "project scope: also write the tool's user-level files (e.g. MCP of a tool without a project file)",
      ),
  ).action((name: string, opts: InstallOpts) =>
    run('agent install', opts, async (ctx) => {
      // All tools in one operation: one lock, one library walk.
      const requests = installRequests(name, opts);
      const results = await installApproving(ctx, requests, !!opts.approve);
      if (ctx.flags.json) return results.length === 1 ? results[0] : results;
      for (const r of results) printResult(ctx, r);
      return undefined;
    }),
  );
  addInstallFlags(
    agent
      .command('uninstall <name>')
      .description('Remove exactly what an install wrote, leaving merged files as they would be without it.'),
  ).action((name: string, opts: InstallOpts) =>
    run('agent uninstall', opts, async (ctx) => {
      const { results } = await ctx.call('agents:uninstallMany', { requests: installRequests(name, opts) });
      if (ctx.flags.json) return results.length === 1 ? results[0] : results;
      for (const r of results) printResult(ctx, r);
      return undefined;
    }),
  );
  agent
    .command('status')
    .description('Every install: installed, drifted (changed since) or needs-reinstall (the agent changed).')
    .option('--json', 'print the installs as JSON')
    .action((opts: { json?: boolean }) =>
      run('agent status', opts, async (ctx) => {
        const { installs } = await ctx.call('agents:status', {});
        if (ctx.flags.json) return installs;
        for (const i of installs)
          ctx.io.out(
            `${i.agent.padEnd(24)} ${i.tool.padEnd(15)} ${i.scope.padEnd(8)} ` +
              `${i.state.padEnd(16)} ${i.project ?? ''}\n`,
          );
        ctx.io.out(`${installs.length} installs\n`);
        return undefined;
      }),
    );
  return agent;
}
