import path from 'node:path';
import type { ImportFileReport, ImportItem, ImportResult } from '../../shared/agents';
import type { OperationContext } from '../context';
import { withLock } from '../workspace/lock';
import type { AgentContext } from './agent-context';
import { applyFiles } from './apply';
import { readThroughBoundary, rootsFor } from './fs-roots';
import { convertImport } from './import/convert';
import { gatherInputs, importRootFor, readImported, withoutOurs } from './import/gather';
import { journaled } from './journal';
import { beforeOf } from './journal-entry';
import { loadManifest } from './manifest';

/** What an import reads: a folder or file on disk, or files dropped on the window. */
export interface ImportRequest {
  /** A folder or file on disk... */
  readonly path?: string;
  /** ...or files dropped on the window. */
  readonly files?: ReadonlyArray<{ readonly name: string; readonly content: string }>;
  readonly dryRun?: boolean;
}

/** Tool configs (a folder, a file, or dropped files) into personal agents, MCP servers and knowledge. */
export async function importConfigs(
  ac: AgentContext,
  req: ImportRequest,
  ctx: OperationContext,
): Promise<ImportResult> {
  const { deps, journal, recover } = ac;
  if (!req.dryRun) await recover();
  // What is imported is read inside the import's folder only: no symlink, no prompt `file://` outside it.
  const importRoot = req.path ? importRootFor(path.resolve(req.path), deps.allowSymlinks?.() ?? []) : undefined;
  const raw = importRoot
    ? gatherInputs(path.resolve(req.path!), importRoot)
    : (req.files ?? []).map((f) => ({ rel: f.name, text: f.content }));
  const readInput = (abs: string) => (importRoot ? readImported(importRoot, abs) : undefined);
  const label = req.path ? path.basename(path.resolve(req.path).replace(/[\\/]+$/, '')) || 'home' : 'dropped';
  const { inputs, ours } = withoutOurs(raw, loadManifest(deps.manifestFile).installs);
  const conv = convertImport(inputs, label === path.basename(deps.homeDir) ? 'home' : label, { readFile: readInput });
  const personal = deps.personalDir();
  const rootOf = rootsFor({ personalDir: personal });
  const items = conv.files.map((f) => {
    const existing = readThroughBoundary(rootOf, path.join(personal, ...f.path.split('/')));
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
  const skipped = [...conv.skipped, ...ours.map((from) => ({ from, reason: 'installed by AI Configurator' }))];
  const files = fileReports(inputs.map((i) => i.rel).concat(ours), items, skipped);
  const preview = {
    items,
    files,
    skipped,
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
    const written = await journaled(journal, { files: planned.map(beforeOf), roots: { personalDir: personal } }, () =>
      applyFiles(planned, { rootOf }),
    );
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
}

/** One report per input file: what it made, or why it was skipped. */
function fileReports(
  froms: ReadonlyArray<string>,
  items: ReadonlyArray<ImportItem>,
  skipped: ReadonlyArray<{ readonly from: string; readonly reason: string }>,
): ImportFileReport[] {
  return [...new Set(froms)].map((from) => {
    const made = items.filter((i) => i.from === from);
    if (made.length) return { from, outcome: 'imported', paths: made.map((i) => i.path) };
    const why = skipped.find((s) => s.from === from);
    return { from, outcome: 'skipped', paths: [], reason: why?.reason ?? 'not a tool config we know' };
  });
}
