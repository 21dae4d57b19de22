import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type ImportResult,
  type Agent,
  type AgentDetail,
  type AgentSummary,
  type DriftChoice,
  type InstallPlan,
  type InstallResult,
  type InstallStatus,
  type Scope,
  type ToolId,
} from '../../shared/agents';
import { AppError } from '../../shared/errors';
import type { OperationContext } from '../context';
import type { History } from '../history/api';
import type { SourceRoot } from '../library/tree';
import type { AuditTrail } from '../observability/audit';
import type { Metrics } from '../observability/metrics';
import type { SecretStore } from '../secrets/store';
import { redactText } from '../observability/redact';
import { withLock } from '../workspace/lock';
import { writeAtomic } from '../workspace/atomic-write';
import { applyFiles, readText } from './apply';
import { budgetSample } from './budget';
import { unifiedDiff } from './diff';
import { contentHash } from './hash';
import { fileBody, winningFiles, type LibraryFileRef } from './library-files';
import { loadAgents, parseAgent } from './load';
import { journaled, journalFileFor, recoverWrites } from './journal';
import { loadManifest, saveManifest, sameInstall, type Manifest } from './manifest';
import { idOf, locationKey, parentOf, type Desired, type InstallRecord } from './model';
import { planChanges, type PlannedFile, type PlanOutput } from './plan';
import { budgetOf as cachedBudget, renderAgent } from './render';
import { loadMcpServers, resolveResources } from './resolve';
import { canonical, readSlot } from './slots';
import { TARGETS } from './targets';
import { agentFileText } from './write-agent';
import { convertImport } from './import/convert';
import { gatherInputs, withoutOurs } from './import/gather';

export interface AgentServiceDeps {
  readonly roots: () => ReadonlyArray<SourceRoot>;
  readonly personalDir: () => string;
  /** state/installs/manifest.json */
  readonly manifestFile: string;
  readonly lockFile: string;
  readonly history: History;
  readonly audit: AuditTrail;
  readonly secrets: Pick<SecretStore, 'get'>;
  readonly env: NodeJS.ProcessEnv;
  /** The user's home directory: every user-scope tool file lives under it. */
  readonly homeDir: string;
  readonly platform?: NodeJS.Platform;
  readonly now?: () => Date;
  /** Where agents' token budgets go for the Analytics chart (recorded on show and after an install). */
  readonly metrics?: Pick<Metrics, 'recordTokenBudget'>;
}

export interface InstallRequest {
  readonly name: string;
  readonly tool: ToolId;
  readonly scope: Scope;
  readonly project?: string;
  readonly dryRun?: boolean;
  /** One choice for every drifted file... */
  readonly onDrift?: DriftChoice;
  /** ...or one per file (absolute path). */
  readonly resolutions?: Readonly<Record<string, DriftChoice>>;
}

export interface CreateAgentRequest {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly tags?: ReadonlyArray<string>;
  readonly prompt?: string;
  readonly resources?: ReadonlyArray<string>;
  readonly mcpServers?: ReadonlyArray<string>;
  /** A whole agent file's text to create from (its name is replaced by `name`). */
  readonly from?: string;
  readonly overwrite?: boolean;
}

/** Agents: list, show, create, and install or uninstall into the nine tools without clobbering anything. */
export interface AgentService {
  list(): Promise<AgentSummary[]>;
  show(name: string): Promise<AgentDetail>;
  create(req: CreateAgentRequest, ctx: OperationContext): Promise<{ path: string; created: boolean }>;
  plan(req: InstallRequest, operation: 'install' | 'uninstall'): Promise<InstallPlan>;
  install(req: InstallRequest, ctx: OperationContext): Promise<InstallResult>;
  uninstall(req: InstallRequest, ctx: OperationContext): Promise<InstallResult>;
  /** Several installs as one operation (one lock, one library walk); results in request order. */
  installMany(reqs: ReadonlyArray<InstallRequest>, ctx: OperationContext): Promise<InstallResult[]>;
  uninstallMany(reqs: ReadonlyArray<InstallRequest>, ctx: OperationContext): Promise<InstallResult[]>;
  status(): Promise<InstallStatus[]>;
  /** Undoes an install, uninstall or import a killed process left part-written (the next run calls it too). */
  recover(): Promise<boolean>;
  /** Tool configs (a folder, a file, or dropped files) into personal agents, MCP servers and knowledge. */
  importConfigs(req: ImportRequest, ctx: OperationContext): Promise<ImportResult>;
}

/** What the installs of one batch share: the library walk and the manifest as the last of them left it. */
interface Shared {
  files?: Promise<LibraryFileRef[]>;
  manifest: Manifest;
}

export interface ImportRequest {
  /** A folder or file on disk... */
  readonly path?: string;
  /** ...or files dropped on the window. */
  readonly files?: ReadonlyArray<{ readonly name: string; readonly content: string }>;
  readonly dryRun?: boolean;
}

export function createAgentService(deps: AgentServiceDeps): AgentService {
  const platform = deps.platform ?? process.platform;
  const now = deps.now ?? (() => new Date());
  const vars = {
    env: deps.env,
    secret: (n: string) => {
      try {
        return deps.secrets.get(n);
      } catch {
        return undefined;
      }
    },
  };

  const files = () => winningFiles(deps.roots());
  const journal = journalFileFor(deps.manifestFile);
  const recover = () =>
    fs.existsSync(journal)
      ? withLock(deps.lockFile, 'agent.recover', () => recoverWrites(journal))
      : Promise.resolve(false);
  const findAgent = async (name: string, all: ReadonlyArray<LibraryFileRef>): Promise<Agent> => {
    const loaded = (await loadAgents(all)).find((a) => (a.kind === 'ok' ? a.agent.name : a.name) === name);
    if (!loaded)
      throw new AppError(
        'NOT_FOUND',
        `There is no agent named "${name}".`,
        'See `ai-config agent list`, or create it with `ai-config agent create NAME`.',
      );
    if (loaded.kind === 'invalid')
      throw new AppError('INVALID_FILE', loaded.error, 'Fix the agent file, then try again.');
    return loaded.agent;
  };
  const normProject = (req: InstallRequest): string | undefined => {
    if (req.scope === 'user') return undefined;
    if (!req.project)
      throw new AppError(
        'INVALID_REQUEST',
        'A project-scope install needs a project folder.',
        'Pass --project DIR (or pick a folder in the app).',
      );
    if (!path.isAbsolute(req.project))
      throw new AppError(
        'INVALID_REQUEST',
        `The project folder "${req.project}" is not an absolute path.`,
        'Pass an absolute path.',
      );
    return path.resolve(req.project);
  };

  /**
   * The plan for one install or uninstall, read-only. `withDiffs`: a preview (and a blocked install, whose error
   * carries the plan) shows a unified diff per file; an install that goes ahead leaves them out (its result lists
   * the files and actions), which spares computing and sending thousands of diffs nobody reads.
   */
  const prepare = async (
    req: InstallRequest,
    operation: 'install' | 'uninstall',
    withDiffs = true,
    shared?: Shared,
    read: (file: string) => string | undefined = readText,
  ) => {
    const project = normProject(req);
    const key = { agent: req.name, tool: req.tool, scope: req.scope, ...(project ? { project } : {}) };
    const manifest = shared?.manifest ?? loadManifest(deps.manifestFile);
    const previous = manifest.installs.find((r) => sameInstall(r, key));
    const others = manifest.installs.filter((r) => !sameInstall(r, key));
    let desired: ReadonlyArray<Desired> = [];
    let warnings: string[] = [];
    if (operation === 'install') {
      const all = await (shared ? (shared.files ??= files()) : files());
      const rendered = await renderAgent(
        {
          agent: await findAgent(req.name, all),
          tool: req.tool,
          scope: req.scope,
          ...(project ? { project } : {}),
          homeDir: deps.homeDir,
          platform,
          vars,
        },
        all,
      );
      desired = rendered.items;
      warnings = [...rendered.warnings];
    } else if (!previous) {
      throw new AppError(
        'NOT_FOUND',
        `"${req.name}" is not installed for ${req.tool} (${req.scope}${project ? ` ${project}` : ''}).`,
        'See `ai-config agent status` for what is installed where.',
      );
    }
    const choice = (file: string) => req.resolutions?.[file] ?? req.onDrift;
    const out = planChanges({ operation, desired, ...(previous ? { previous } : {}), others, read, choice });
    const target = TARGETS[req.tool];
    for (const f of out.files) {
      const w = f.after !== undefined && target.check?.(f.path, f.after);
      if (w) warnings.push(w);
    }
    const plan: InstallPlan = {
      operation,
      agent: req.name,
      tool: req.tool,
      scope: req.scope,
      ...(project ? { project } : {}),
      files: out.files.map((f) => ({
        path: f.path,
        action: f.action,
        diff: withDiffs || out.blocked ? redactText(unifiedDiff(f.before, f.after, f.path)) : '',
        drift: f.drift,
        ...(f.resolution ? { resolution: f.resolution } : {}),
      })),
      warnings,
      blocked: out.blocked,
    };
    return { plan, out, manifest, previous, key };
  };

  const nextManifest = (
    manifest: Manifest,
    key: Omit<InstallRecord, 'installedAt' | 'items'>,
    out: PlanOutput,
    operation: 'install' | 'uninstall',
    previous?: InstallRecord,
  ): Manifest | undefined => {
    const rest = manifest.installs.filter((r) => !sameInstall(r, key));
    if (operation === 'uninstall') return { schemaVersion: 1, installs: rest };
    const changed = !previous || JSON.stringify(previous.items) !== JSON.stringify(out.items);
    if (!changed) return undefined;
    return { schemaVersion: 1, installs: [...rest, { ...key, installedAt: now().toISOString(), items: out.items }] };
  };

  /**
   * One or several installs (or uninstalls) as one operation, e.g. one agent into six tools: one lock, one library
   * walk, one manifest read. Every tool is planned first, each against the files as the ones before it would leave
   * them (two tools may share a file), so a drift or an error in any of them stops the whole run before anything is
   * written. Then one history snapshot before, one journaled write of every file and the manifest (all or nothing,
   * even if the process is killed), one snapshot after, and one audit record per install sharing those versions.
   */
  /** The library walk of the last install, for the token estimate made right after it. */
  let justWalked: Promise<LibraryFileRef[]> | undefined;
  const runBatch = (
    reqs: ReadonlyArray<InstallRequest>,
    operation: 'install' | 'uninstall',
    ctx: OperationContext,
  ): Promise<InstallResult[]> => {
    const opName = `agent.${operation}`;
    const started = Date.now();
    const targetOf = (req: InstallRequest) =>
      `${req.name}@${req.tool}:${req.scope}${req.project ? `:${req.project}` : ''}`;
    const dryRun = reqs.some((r) => r.dryRun);
    if (dryRun && !reqs.every((r) => r.dryRun))
      throw new AppError(
        'INVALID_REQUEST',
        'Some of these installs are dry runs and some are not.',
        'Preview them all (--dry-run) or run them all.',
      );
    return withLock(deps.lockFile, opName, async () => {
      // Undo a transaction a killed process left behind before the manifest is read.
      await recover();
      // The history's walk of the personal workspace runs in a git process while we plan (nothing is written before
      // beforeChange); always awaited before the lock is let go.
      const staging = dryRun
        ? undefined
        : deps.history.stagePersonal?.({ operation: opName, correlationId: ctx.correlationId }).catch(() => undefined);
      try {
        return await planAndWrite(staging);
      } finally {
        await staging;
      }
    });
    async function planAndWrite(staging: Promise<void> | undefined): Promise<InstallResult[]> {
      ctx.progress({ phase: 'Planning', percent: 10 });
      const manifestBefore = readText(deps.manifestFile);
      const shared: Shared = { manifest: loadManifest(deps.manifestFile) };
      // What the installs planned so far would leave in each file, so the next one plans on top of it.
      const pending = new Map<string, PlannedFile>();
      const read = (file: string) => (pending.has(file) ? pending.get(file)!.after : readText(file));
      const planned: Array<{ req: InstallRequest; plan: InstallPlan; changed: ReadonlyArray<PlannedFile> }> = [];
      let manifestChanged = false;
      for (const req of reqs) {
        const { plan, out, previous, key } = await prepare(req, operation, dryRun, shared, read);
        if (plan.blocked && !dryRun) {
          const drifted = plan.files.filter((f) => f.drift.length && f.action === 'skip').map((f) => f.path);
          throw new AppError(
            'DRIFT',
            `Changed since the last install (or not ours): ${drifted.join(', ')}. Nothing was written.`,
            'Review the diff (--dry-run, or the preview in the app) and choose --on-drift overwrite, adopt or skip.',
            { files: drifted, plan },
          );
        }
        const changed = out.files.filter((f) => f.after !== f.before);
        for (const f of changed) pending.set(f.path, { ...f, before: pending.get(f.path)?.before ?? f.before });
        const next = nextManifest(shared.manifest, key, out, operation, previous);
        if (next) {
          shared.manifest = next;
          manifestChanged = true;
        }
        planned.push({ req, plan, changed });
      }
      justWalked = shared.files;
      if (dryRun) return planned.map((p) => ({ ...p.plan, dryRun: true, written: 0 }));
      const changed = [...pending.values()].filter((f) => f.after !== f.before);
      if (!changed.length && !manifestChanged) {
        for (const p of planned)
          deps.audit.append({
            operation: opName,
            target: targetOf(p.req),
            result: 'noop',
            durationMs: Date.now() - started,
            correlationId: ctx.correlationId,
            details: { files: 0 },
          });
        ctx.progress({ phase: 'Nothing to change', done: true });
        return planned.map((p) => ({ ...p.plan, dryRun: false, written: 0 }));
      }
      const personal = deps.personalDir();
      const historyOp = {
        operation: opName,
        correlationId: ctx.correlationId,
        externalFiles: changed.map((f) => f.path),
        message: `${operation} ${reqs.map(targetOf).join(', ')}`,
        personalUnchanged: !changed.some((f) => isInside(personal, f.path)),
      };
      try {
        await staging;
        const versionBefore = await deps.history.beforeChange(historyOp);
        ctx.progress({ phase: 'Writing', percent: 50 });
        await journaled(
          journal,
          {
            files: changed.map(beforeOf),
            manifest: { file: deps.manifestFile, ...(manifestBefore !== undefined ? { before: manifestBefore } : {}) },
          },
          async () => {
            await applyFiles(changed);
            if (manifestChanged) await saveManifest(deps.manifestFile, shared.manifest);
          },
        );
        const versionAfter = await deps.history.record(historyOp);
        for (const p of planned) {
          deps.audit.append({
            operation: opName,
            target: targetOf(p.req),
            result: p.changed.length ? 'ok' : 'noop',
            durationMs: Date.now() - started,
            correlationId: ctx.correlationId,
            ...(versionBefore ? { versionBefore } : {}),
            ...(versionAfter ? { versionAfter } : {}),
            details: {
              files: p.plan.files.map((f) => ({ path: f.path, action: f.action })),
              warnings: p.plan.warnings.length,
            },
          });
        }
        ctx.progress({ phase: 'Done', done: true });
        return planned.map((p) => ({ ...p.plan, dryRun: false, written: p.changed.length }));
      } catch (e) {
        for (const p of planned)
          deps.audit.append({
            operation: opName,
            target: targetOf(p.req),
            result: 'failed',
            durationMs: Date.now() - started,
            correlationId: ctx.correlationId,
            error: { code: e instanceof AppError ? e.code : 'INTERNAL', message: (e as Error).message },
          });
        throw e;
      }
    }
  };
  const run = async (
    req: InstallRequest,
    operation: 'install' | 'uninstall',
    ctx: OperationContext,
  ): Promise<InstallResult> => (await runBatch([req], operation, ctx))[0]!;

  const statusOf = async (r: InstallRecord, all: ReadonlyArray<LibraryFileRef>): Promise<InstallStatus> => {
    const base = {
      agent: r.agent,
      tool: r.tool as ToolId,
      scope: r.scope,
      ...(r.project ? { project: r.project } : {}),
      installedAt: r.installedAt,
      files: [...new Set(r.items.map((i) => i.path))],
    };
    const drifted = r.items.some((i) => {
      try {
        const cur = readSlot(readText(i.path), i);
        return cur === undefined || contentHash(cur) !== i.hash;
      } catch {
        return true;
      }
    });
    if (drifted) return { ...base, state: 'drifted' };
    let agent: Agent;
    try {
      agent = await findAgent(r.agent, all);
    } catch {
      return { ...base, state: 'missing-agent' };
    }
    try {
      const rendered = await renderAgent(
        {
          agent,
          tool: base.tool,
          scope: r.scope,
          ...(r.project ? { project: r.project } : {}),
          homeDir: deps.homeDir,
          platform,
          vars,
        },
        all,
      );
      const want = new Map(
        rendered.items.map((d) => [
          locationKey({ kind: d.kind, path: d.path, id: idOf(d), parent: parentOf(d) }),
          contentHash(canonical(d)),
        ]),
      );
      const same = want.size === r.items.length && r.items.every((i) => want.get(locationKey(i)) === i.desiredHash);
      return { ...base, state: same ? 'installed' : 'needs-reinstall' };
    } catch {
      return { ...base, state: 'needs-reinstall' };
    }
  };

  const budgetOf = async (agent: Agent, resources: ReadonlyArray<{ path: string; abs: string }>) =>
    cachedBudget(
      agent.prompt,
      await Promise.all(resources.map(async (r) => ({ path: r.path, body: (await fileBody(r.abs)).body }))),
    );
  /** The tools an agent is installed into, or else the ones it targets. */
  const toolsOf = (agent: Agent): string[] => {
    const installed = loadManifest(deps.manifestFile)
      .installs.filter((r) => r.agent === agent.name)
      .map((r) => r.tool);
    return installed.length ? installed : agent.targets.map((t) => t.tool);
  };
  /** After an install: best effort, metrics never fail an operation. */
  const recordBudget = async (name: string) => {
    if (!deps.metrics) return;
    try {
      // The walk the install just made, if any: the estimate needs no second one.
      const all = await (justWalked ?? files());
      const agent = await findAgent(name, all);
      deps.metrics.recordTokenBudget(
        budgetSample(name, await budgetOf(agent, resolveResources(agent, all).resources), toolsOf(agent)),
      );
    } catch {
      // The install succeeded; a size estimate that cannot be made is simply not charted.
    }
  };

  const status = async (): Promise<InstallStatus[]> => {
    await recover();
    const all = await files();
    return Promise.all(loadManifest(deps.manifestFile).installs.map((r) => statusOf(r, all)));
  };

  return {
    async list() {
      const all = await files();
      const installs = await status();
      return (await loadAgents(all)).map((a) => {
        const name = a.kind === 'ok' ? a.agent.name : a.name;
        const mine = installs.filter((s) => s.agent === name);
        if (a.kind === 'invalid')
          return {
            name,
            title: name,
            description: '',
            tags: [],
            source: a.source,
            path: a.path,
            installs: mine,
            error: a.error,
          };
        return {
          name,
          title: a.agent.title ?? name,
          description: a.agent.description,
          tags: a.agent.tags,
          source: a.agent.source,
          path: a.agent.path,
          installs: mine,
        };
      });
    },
    async show(name) {
      const all = await files();
      const agent = await findAgent(name, all);
      const { resources, warnings } = resolveResources(agent, all);
      let mcpServers: AgentDetail['mcpServers'] = [];
      try {
        mcpServers = await loadMcpServers(agent.mcpServers, all);
      } catch (e) {
        warnings.push((e as Error).message);
      }
      const installs = (await status()).filter((s) => s.agent === name);
      const budget = await budgetOf(agent, resources);
      deps.metrics?.recordTokenBudget(budgetSample(name, budget, toolsOf(agent)));
      for (const t of budget.perTool)
        if (t.over)
          warnings.push(
            `About ${t.tokens.toLocaleString('en')} tokens: above the ${t.limit.toLocaleString('en')} we suggest for ${t.tool}. Pick fewer resources.`,
          );
      for (const d of budget.duplicates) warnings.push(`Included twice: ${d.excerpt} (in ${d.in.join(', ')}).`);
      return { agent, resources, mcpServers, warnings, installs, budget };
    },
    async create(req, ctx) {
      const file = path.join(deps.personalDir(), 'agents', `${req.name}.md`);
      let text: string;
      if (req.from !== undefined) {
        const parsed = parseAgent(req.from, { source: 'input', path: `agents/${req.name}.md` });
        const { prompt, source: _s, path: _p, ...fm } = { ...parsed, name: req.name };
        text = agentFileText(fm, prompt);
      } else {
        text = agentFileText(
          {
            name: req.name,
            ...(req.title ? { title: req.title } : {}),
            description: req.description ?? '',
            tags: [...(req.tags ?? [])],
            resources: [...(req.resources ?? [])],
            mcpServers: [...(req.mcpServers ?? [])],
          },
          req.prompt ?? `You are ${req.title ?? req.name}.`,
        );
      }
      parseAgent(text, { source: 'personal', path: `agents/${req.name}.md` });
      return withLock(deps.lockFile, 'agent.create', async () => {
        const existing = readText(file);
        if (existing !== undefined && !req.overwrite)
          throw new AppError(
            'ALREADY_EXISTS',
            `The agent file ${file} already exists.`,
            'Pick another name, or edit the existing agent.',
          );
        if (existing === text) return { path: file, created: false };
        const op = { operation: 'agent.create', correlationId: ctx.correlationId, message: `agent ${req.name}` };
        const started = Date.now();
        await deps.history.beforeChange(op);
        await writeAtomic(file, text);
        await deps.history.record(op);
        deps.audit.append({
          operation: 'agent.create',
          target: req.name,
          result: 'ok',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          details: { path: file, overwrite: existing !== undefined },
        });
        return { path: file, created: existing === undefined };
      });
    },
    plan: async (req, operation) => (await prepare(req, operation)).plan,
    async install(req, ctx) {
      const r = await run(req, 'install', ctx);
      if (!r.dryRun) await recordBudget(req.name);
      justWalked = undefined;
      return r;
    },
    uninstall: (req, ctx) => run(req, 'uninstall', ctx),
    async installMany(reqs, ctx) {
      const results = await runBatch(reqs, 'install', ctx);
      for (const name of new Set(reqs.filter((r) => !r.dryRun).map((r) => r.name))) await recordBudget(name);
      justWalked = undefined;
      return results;
    },
    uninstallMany: (reqs, ctx) => runBatch(reqs, 'uninstall', ctx),
    status,
    recover,
    async importConfigs(req, ctx) {
      if (!req.dryRun) await recover();
      const raw = req.path
        ? gatherInputs(path.resolve(req.path))
        : (req.files ?? []).map((f) => ({ rel: f.name, text: f.content }));
      const label = req.path ? path.basename(path.resolve(req.path).replace(/[\\/]+$/, '')) || 'home' : 'dropped';
      const { inputs, ours } = withoutOurs(raw, loadManifest(deps.manifestFile).installs);
      const conv = convertImport(inputs, label === path.basename(deps.homeDir) ? 'home' : label, readText);
      const personal = deps.personalDir();
      const items = conv.files.map((f) => {
        const existing = readText(path.join(personal, ...f.path.split('/')));
        return {
          ...f,
          action:
            existing === undefined
              ? ('create' as const)
              : existing === f.content
                ? ('unchanged' as const)
                : ('conflict' as const),
        };
      });
      const warnings = [
        ...conv.warnings,
        ...items
          .filter((i) => i.action === 'conflict')
          .map((i) => `${i.path} already exists in the personal workspace with other content; it was left alone.`),
      ];
      const preview = {
        items,
        skipped: [...conv.skipped, ...ours.map((from) => ({ from, reason: 'installed by AI Configurator' }))],
        warnings,
      };
      if (req.dryRun) return { ...preview, dryRun: true, written: 0 };
      const toWrite = items.filter((i) => i.action === 'create');
      if (!toWrite.length) return { ...preview, dryRun: false, written: 0 };
      return withLock(deps.lockFile, 'agent.import', async () => {
        const started = Date.now();
        const op = {
          operation: 'agent.import',
          correlationId: ctx.correlationId,
          message: `import ${req.path ?? 'dropped files'}`,
        };
        const versionBefore = await deps.history.beforeChange(op);
        const planned = toWrite.map((i) => ({
          path: path.join(personal, ...i.path.split('/')),
          before: undefined,
          after: i.content,
          action: 'create' as const,
          drift: [],
        }));
        const written = await journaled(journal, { files: planned.map(beforeOf) }, () => applyFiles(planned));
        const versionAfter = await deps.history.record(op);
        deps.audit.append({
          operation: 'agent.import',
          target: req.path ?? 'dropped files',
          result: 'ok',
          durationMs: Date.now() - started,
          correlationId: ctx.correlationId,
          ...(versionBefore ? { versionBefore } : {}),
          ...(versionAfter ? { versionAfter } : {}),
          details: { created: toWrite.map((i) => i.path) },
        });
        return { ...preview, dryRun: false, written };
      });
    },
  };
}

/** A journal entry: the file and what it held before (nothing when it did not exist). */
function beforeOf(f: { readonly path: string; readonly before?: string | undefined }): {
  path: string;
  before?: string;
} {
  return { path: f.path, ...(f.before !== undefined ? { before: f.before } : {}) };
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The user's home directory as the environment gives it (tests set HOME). */
export function homeFromEnv(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || os.homedir();
}
