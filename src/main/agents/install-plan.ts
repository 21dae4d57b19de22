import type { InstallPlan, ToolId } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import { redactText } from '../observability/redact';
import type { PendingApproval } from '../../shared/scan';
import type { KindOutcome } from '../../shared/content';
import type { AgentContext } from './agent-context';
import { needsApprovalWarning, pendingForAgent } from './approval-gate';
import { readThroughBoundary } from './fs-roots';
import { unifiedDiff } from './diff';
import type { InstallRequest } from './install-request';
import type { LibraryFileRef } from './library-files';
import { loadManifest, sameInstall, type Manifest } from './manifest';
import type { Desired, InstallRecord } from './model';
import { nextDirs } from './created-dirs';
import { planChanges, type PlanOutput } from './plan';
import { renderAgent } from './render';
import { TARGETS } from './targets';

/** What the installs of one batch share: the library walk and the manifest as the last of them left it. */
export interface Shared {
  files?: Promise<LibraryFileRef[]>;
  manifest: Manifest;
}

/**
 * The plan for one install or uninstall, read-only. `withDiffs`: a preview (and a blocked install, whose error
 * carries the plan) shows a unified diff per file; an install that goes ahead leaves them out (its result lists
 * the files and actions), which spares computing and sending thousands of diffs nobody reads.
 */
export async function prepareInstall(
  ac: AgentContext,
  req: InstallRequest,
  operation: 'install' | 'uninstall',
  withDiffs = true,
  shared?: Shared,
  read: (file: string) => string | undefined = (file) => readThroughBoundary(ac.rootOf([req]), file),
) {
  const { deps, files, platform, vars } = ac;
  const project = ac.normProject(req);
  const key = { agent: req.name, tool: req.tool, scope: req.scope, ...(project ? { project } : {}) };
  const manifest = shared?.manifest ?? loadManifest(deps.manifestFile);
  const previous = manifest.installs.find((r) => sameInstall(r, key));
  const others = manifest.installs.filter((r) => !sameInstall(r, key));
  let desired: ReadonlyArray<Desired> = [];
  let warnings: string[] = [];
  let needsApproval: ReadonlyArray<PendingApproval> = [];
  let report: ReadonlyArray<KindOutcome> = [];
  if (operation === 'install') {
    const all = await (shared ? (shared.files ??= files()) : files());
    const agent = await ac.findAgent(req.name, all);
    const rendered = await renderAgent(
      {
        agent,
        tool: req.tool,
        scope: req.scope,
        ...(project ? { project } : {}),
        homeDir: deps.homeDir,
        platform,
        vars,
        ...(req.allowUserFiles ? { allowUserFiles: true } : {}),
      },
      all,
    );
    desired = rendered.items;
    report = rendered.report;
    warnings = [...rendered.warnings];
    needsApproval = deps.approvals ? pendingForAgent(agent, all, deps.approvals) : [];
    if (needsApproval.length) warnings.push(needsApprovalWarning(needsApproval));
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
    report,
  };
  return { plan, out, manifest, previous, key, needsApproval };
}

/**
 * The manifest after one install or uninstall (undefined when an install changed nothing in it), and the folders
 * to remove once the files are written if they are empty then. `created`: the folders this install's new files
 * need (see created-dirs.ts).
 */
export function nextManifest(
  ac: AgentContext,
  manifest: Manifest,
  key: Omit<InstallRecord, 'installedAt' | 'items'>,
  out: PlanOutput,
  operation: 'install' | 'uninstall',
  previous?: InstallRecord,
  created: ReadonlyArray<string> = [],
): { manifest: Manifest | undefined; removeDirs: string[] } {
  const items = operation === 'uninstall' ? [] : out.items;
  const before = manifest.installs.filter((r) => !sameInstall(r, key));
  const d = nextDirs(previous?.dirs ?? [], created, items, before);
  const rest = d.others;
  const othersChanged = rest.some((r, i) => r !== before[i]);
  if (operation === 'uninstall') return { manifest: { schemaVersion: 1, installs: rest }, removeDirs: d.remove };
  // The format we write now: a reinstall after a format bump records it even when no item changed.
  const format = TARGETS[key.tool as ToolId]?.formatVersion ?? 1;
  const changed =
    !previous ||
    othersChanged ||
    (previous.format ?? 1) !== format ||
    JSON.stringify(previous.items) !== JSON.stringify(out.items) ||
    JSON.stringify(previous.dirs ?? []) !== JSON.stringify(d.dirs);
  if (!changed) return { manifest: undefined, removeDirs: d.remove };
  const record: InstallRecord = {
    ...key,
    installedAt: ac.now().toISOString(),
    items: out.items,
    ...(d.dirs.length ? { dirs: d.dirs } : {}),
    format,
  };
  return { manifest: { schemaVersion: 1, installs: [...rest, record] }, removeDirs: d.remove };
}
