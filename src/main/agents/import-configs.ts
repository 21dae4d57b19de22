import path from 'node:path';
import type { ImportResult } from '../../shared/agents';
import type { OperationContext } from '../context';
import { withLock } from '../workspace/lock';
import type { AgentContext } from './agent-context';
import { applyFiles } from './apply';
import { binaryTag } from './binary-content';
import { readInRoot } from '../workspace/boundary';
import { readThroughBoundary, rootsFor } from './fs-roots';
import { convertImport } from './import/convert';
import { gatherDropped, gatherInputs, importIo, importRootFor, withoutOurs } from './import/gather';
import { isBareRepo, withGitCheckout } from './import/git-source';
import { fileReports } from './import/report';
import { journaled } from './journal';
import { beforeOf } from './journal-entry';
import { loadManifest } from './manifest';

/** What an import reads: a folder or file on disk, a Git repository, or files dropped on the window. */
export interface ImportRequest {
  /** A folder or file on disk... */
  readonly path?: string;
  /** ...or a Git repository URL (cloned shallow into a temp folder, deleted after)... */
  readonly url?: string;
  /** ...or files dropped on the window (names relative to the dropped folder, "/" separators). */
  readonly files?: ReadonlyArray<{ readonly name: string; readonly content: string }>;
  readonly dryRun?: boolean;
}

/** Tool configs (a folder, a file, a Git repository, or dropped files) into personal agents, MCP servers, knowledge. */
export async function importConfigs(
  ac: AgentContext,
  req: ImportRequest,
  ctx: OperationContext,
): Promise<ImportResult> {
  // A local bare repository given as a folder is cloned like a URL (it has no files to read as such).
  const url = req.url ?? (req.path && isBareRepo(req.path) ? path.resolve(req.path) : undefined);
  if (url)
    return withGitCheckout(url, { env: ac.deps.env }, (dir, label) =>
      importGathered(ac, req, ctx, { dir, label, target: url }),
    );
  return importGathered(ac, req, ctx);
}

async function importGathered(
  ac: AgentContext,
  req: ImportRequest,
  ctx: OperationContext,
  clone?: { readonly dir: string; readonly label: string; readonly target: string },
): Promise<ImportResult> {
  const { deps, journal, recover } = ac;
  if (!req.dryRun) await recover();
  const dir = clone?.dir ?? (req.path ? path.resolve(req.path) : undefined);
  // What is imported is read inside the import's folder only: no symlink out of it, no `file://` outside it.
  const importRoot = dir ? importRootFor(dir, clone ? [] : (deps.allowSymlinks?.() ?? [])) : undefined;
  const gathered =
    dir && importRoot ? gatherInputs(dir, importRoot, { homeDir: deps.homeDir }) : gatherDropped(req.files ?? []);
  const io = importRoot ? importIo(importRoot) : { readFile: () => undefined };
  const label = clone
    ? clone.label
    : dir
      ? dir === path.resolve(deps.homeDir)
        ? 'home'
        : path.basename(dir.replace(/[\\/]+$/, '')) || 'home'
      : 'dropped';
  const raw = gathered.looked.flatMap((l) => (l.input ? [l.input] : []));
  const { inputs, ours } = withoutOurs(raw, loadManifest(deps.manifestFile).installs);
  const conv = convertImport(inputs, label, io);
  const personal = deps.personalDir();
  const rootOf = rootsFor({ personalDir: personal });
  const items = conv.files.map((f) => {
    const abs = path.join(personal, ...f.path.split('/'));
    // A binary file is compared byte for byte, a text file as its text.
    const existing = f.bytes ? readInRoot(rootOf(abs), abs) : readThroughBoundary(rootOf, abs);
    const same = f.bytes ? existing instanceof Buffer && existing.equals(f.bytes) : existing === f.content;
    return {
      ...f,
      action: existing === undefined ? ('create' as const) : same ? ('unchanged' as const) : ('conflict' as const),
    };
  });
  const warnings = [
    ...gathered.warnings,
    ...conv.warnings,
    ...items
      .filter((i) => i.action === 'conflict')
      .map((i) => `${i.path} already exists in the personal workspace with other content; it was left alone.`),
  ];
  const skipped = [
    ...gathered.looked.flatMap((l) => (l.reason ? [{ from: l.rel, reason: l.reason }] : [])),
    ...ours.map((from) => ({ from, reason: 'installed by AI Configurator' })),
    ...conv.skipped,
  ];
  const files = fileReports(
    gathered.looked.map((l) => l.rel),
    items,
    conv,
    skipped,
  );
  // A binary file's bytes stay here: the preview (over IPC, or printed as JSON) names the file only.
  const shown = items.map(({ bytes: _bytes, ...i }) => i);
  const preview = { items: shown, files, skipped, warnings, otherFiles: gathered.otherFiles };
  if (req.dryRun) return { ...preview, dryRun: true, written: 0 };
  const toWrite = items.filter((i) => i.action === 'create');
  if (!toWrite.length) return { ...preview, dryRun: false, written: 0 };
  return withLock(deps.lockFile, 'agent.import', async () => {
    const started = Date.now();
    const op = {
      operation: 'agent.import',
      correlationId: ctx.correlationId,
      message: `import ${clone?.target ?? req.path ?? 'dropped files'}`,
    };
    const versionBefore = await deps.history.beforeChange(op);
    const planned = toWrite.map((i) => ({
      path: path.join(personal, ...i.path.split('/')),
      before: undefined,
      after: i.bytes ? binaryTag(i.bytes) : i.content,
      ...(i.bytes ? { bytes: i.bytes } : {}),
      action: 'create' as const,
      ...(i.executable ? { executable: true } : {}),
      drift: [],
    }));
    const written = await journaled(
      journal,
      { files: planned.map((f) => beforeOf(f)), roots: { personalDir: personal } },
      () => applyFiles(planned, { rootOf }),
    );
    const versionAfter = await deps.history.record(op);
    deps.audit.append({
      operation: 'agent.import',
      target: clone?.target ?? req.path ?? 'dropped files',
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
