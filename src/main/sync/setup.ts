import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { syncSetupRequest } from '../../shared/ipc/channels/sync';
import type { DetectedProvider, SetupResult, SyncStep, VerifyOutcome } from '../../shared/sync';
import type { OperationContext } from '../context';
import { withLock } from '../workspace/lock';
import { audited, switchPersonalDir, syncStateFile, type SyncDeps } from './deps';
import { existingContent, folderNotEmpty } from './existing';
import { isInside } from './files';
import { ignoreFileName, writeIgnoreFile } from './ignore';
import { copyVerified, planCopy, undoCopy } from './move';
import { expandHome } from './platform';
import { detectDropbox } from './providers/dropbox';
import { detectFolder } from './providers/folder';
import { detectNextcloud } from './providers/nextcloud';
import type { SyncthingApi } from './providers/syncthing-api';
import {
  DEFAULT_FOLDER_ID,
  connectSyncthing,
  ensureDevice,
  ensureFolder,
  verifyWithProbe,
} from './providers/syncthing';
import { loadSyncState, saveSyncState } from './state';
import { failpoint } from '../failpoints';

export type SetupRequest = z.output<typeof syncSetupRequest>;

const DROPBOX_NO_IGNORE =
  'Dropbox has no ignore file (a file can be excluded with the com.dropbox.ignored attribute); ' +
  "the app's own temp files are renamed into place within moments.";

/**
 * The folder the workspace moves to: the one given, else the provider's suggestion; checked against the provider's
 * roots.
 */
function chooseTarget(req: SetupRequest, deps: SyncDeps, detected: DetectedProvider | undefined): string {
  const given = req.path ? expandHome(req.path, deps.platform.homedir) : undefined;
  if (req.provider === 'nextcloud' || req.provider === 'dropbox') {
    if (!detected?.found)
      throw new AppError(
        'NOT_FOUND',
        detected?.summary ?? `${req.provider} was not found.`,
        detected?.hint ?? 'Install and sign in to it, then try again.',
      );
    const target = given ?? detected.suggestedPath;
    if (!target) throw new AppError('INVALID_REQUEST', 'No folder was given.', 'Pass --path inside the synced folder.');
    if (!detected.roots.some((r) => isInside(target, r.path))) {
      const client = req.provider === 'nextcloud' ? 'Nextcloud' : 'Dropbox';
      throw new AppError(
        'INVALID_REQUEST',
        `${target} is not inside a folder ${client} syncs (${detected.roots.map((r) => r.path).join(', ')}).`,
        'Choose a path inside one of those folders, or use --provider folder for any other path.',
        { field: 'path' },
      );
    }
    return target;
  }
  if (req.provider === 'folder' && !given)
    throw new AppError(
      'INVALID_REQUEST',
      'The folder provider needs a path.',
      'Pass --path with the shared folder (a network share or any folder).',
      { field: 'path' },
    );
  return given ?? path.join(deps.platform.homedir, 'ai-configurator-sync');
}

/**
 * The wizard's work in one locked operation: check the provider, copy the workspace into the folder and
 * verify every file's hash, write the ignore rules, share it (Syncthing), switch settings, remove the old
 * copy (all under the workspace lock), then verify with a probe file. A failure before the switch removes
 * what it created and leaves the workspace where it was. A folder that already holds files (other than the sync
 * tool's own) is ALREADY_EXISTS unless `adoptExisting`; what was there is recorded in state/sync.json so
 * disconnect never removes it.
 */
export async function runSetup(req: SetupRequest, deps: SyncDeps, ctx: OperationContext): Promise<SetupResult> {
  deps.requireSettings();
  const stateFile = syncStateFile(deps.paths);
  const moved = await withLock(deps.paths.lock, 'sync.setup', async () => {
    const current = loadSyncState(stateFile);
    if (current)
      throw new AppError(
        'ALREADY_EXISTS',
        `The personal workspace is already synced with ${current.provider} at ${current.dir}.`,
        'Run `ai-config sync disconnect` first to move it back, then set up again.',
      );
    const steps: SyncStep[] = [];
    const from = deps.personalDir();

    ctx.progress({ phase: 'Checking the provider', percent: 5 });
    let api: SyncthingApi | undefined;
    let detected: DetectedProvider | undefined;
    if (req.provider === 'syncthing') {
      api = await connectSyncthing(deps.platform, req.syncthingConfig);
      steps.push({ step: 'provider', ok: true, message: `Syncthing is running at ${api.address}.` });
    } else {
      detected =
        req.provider === 'nextcloud'
          ? detectNextcloud(deps.platform)
          : req.provider === 'dropbox'
            ? detectDropbox(deps.platform)
            : detectFolder(deps.platform);
      steps.push({ step: 'provider', ok: true, message: detected.summary });
    }
    const target = chooseTarget(req, deps, detected);
    if (path.resolve(target) === path.resolve(from))
      throw new AppError('INVALID_REQUEST', `The workspace is already at ${target}.`, 'Choose another folder.', {
        field: 'path',
      });
    const plan = planCopy(from, target);
    const existing = existingContent(target);
    const adopted = existing.files.length > 0 || existing.dirs.length > 0;
    if (adopted && req.adoptExisting !== true) throw folderNotEmpty(target, existing);
    steps.push({
      step: 'folder',
      ok: true,
      message: `${target}${adopted ? ` (adopted ${existing.files.length} files already there${plan.same.length ? `, ${plan.same.length} identical to the workspace's` : ''})` : ''}`,
    });

    return audited(deps, ctx, 'sync.setup', target, async () => {
      ctx.progress({ phase: 'Copying the workspace', percent: 15 });
      const copied = copyVerified(
        {
          from,
          to: target,
          ...(deps.copyFile ? { copyFile: deps.copyFile } : {}),
          onProgress: (d, t) =>
            ctx.progress({ phase: 'Copying the workspace', percent: 15 + Math.round((d / Math.max(t, 1)) * 40) }),
        },
        plan,
      );
      const ignoreName = ignoreFileName(req.provider);
      const ignoreExisted = ignoreName ? fs.existsSync(path.join(target, ignoreName)) : true;
      const folderId = req.folderId ?? DEFAULT_FOLDER_ID;
      let shared = false;
      let ignoreFile: string | undefined;
      try {
        steps.push({
          step: 'move',
          ok: true,
          message: `Copied ${copied.files.length} files to ${target} and checked their SHA-256 hashes.`,
        });
        ctx.progress({ phase: 'Writing ignore rules', percent: 60 });
        ignoreFile = await writeIgnoreFile(req.provider, target);
        steps.push({
          step: 'ignore',
          ok: true,
          message: ignoreFile
            ? `Wrote ${ignoreFile}.`
            : req.provider === 'dropbox'
              ? DROPBOX_NO_IGNORE
              : 'A plain folder has no ignore file; everything in it is shared.',
        });
        if (api) {
          ctx.progress({ phase: 'Sharing the folder in Syncthing', percent: 70 });
          const addedDevice = req.device ? await ensureDevice(api, req.device, req.deviceAddress) : false;
          await ensureFolder(api, folderId, target, req.device ? [req.device] : []);
          shared = true;
          const sharing = req.device
            ? `, shared with ${req.device.slice(0, 7)}${addedDevice ? ' (device added)' : ''}`
            : '; add a device to share it';
          steps.push({ step: 'share', ok: true, message: `Syncthing folder "${folderId}" at ${target}${sharing}.` });
        }
        ctx.progress({ phase: 'Switching the workspace', percent: 80 });
        await switchPersonalDir(deps, target);
      } catch (e) {
        if (shared && api) await api.deleteFolder(folderId).catch(() => undefined);
        if (ignoreFile && !ignoreExisted) fs.rmSync(ignoreFile, { force: true });
        undoCopy(copied);
        throw e;
      }
      const me = api ? await api.myId().catch(() => undefined) : undefined;
      await saveSyncState(stateFile, {
        version: 1,
        provider: req.provider,
        dir: target,
        previousDir: from,
        since: deps.now().toISOString(),
        ...(ignoreFile ? { ignoreFile, ignoreCreated: !ignoreExisted } : {}),
        createdDir: !existing.existed,
        preExisting: [...existing.files],
        preExistingDirs: [...existing.dirs],
        ...(api
          ? {
              syncthing: {
                ...(req.syncthingConfig ? { configPath: req.syncthingConfig } : {}),
                folderId,
                devices: req.device ? [req.device.toUpperCase()] : [],
              },
            }
          : {}),
      });
      let removedOld = true;
      failpoint('sync-setup:switched');
      try {
        fs.rmSync(from, { recursive: true, force: true });
      } catch (e) {
        removedOld = false;
        ctx.logger.warn('could not remove the old workspace copy', {
          dir: from,
          code: (e as NodeJS.ErrnoException).code,
        });
      }

      const message =
        `Your personal workspace now lives in ${target} (${req.provider}).` +
        (removedOld ? '' : ` The old copy at ${from} could not be removed; delete it by hand.`) +
        (me ? ` This device's Syncthing ID: ${me}.` : '');
      return {
        value: {
          provider: req.provider,
          personalDir: target,
          previousDir: from,
          movedFiles: copied.files.length + plan.same.length,
          ...(ignoreFile ? { ignoreFile } : {}),
          ...(api ? { folderId } : {}),
          steps,
          message,
          api,
        },
        details: { provider: req.provider, from, files: copied.files.length },
      };
    });
  });

  // Verifying waits for another device; it runs after the lock is released so the app is not held up.
  ctx.progress({ phase: 'Verifying', percent: 85 });
  const { api, ...result } = moved;
  const verify = await verifyTarget(req, deps, result.personalDir, api, result.folderId ?? DEFAULT_FOLDER_ID);
  ctx.progress({ phase: 'Done', percent: 100, done: true });
  return {
    ...result,
    verify,
    steps: [...result.steps, { step: 'verify', ok: verify.kind !== 'pending', message: verify.message }],
  };
}

async function verifyTarget(
  req: SetupRequest,
  deps: SyncDeps,
  target: string,
  api: SyncthingApi | undefined,
  folderId: string,
): Promise<VerifyOutcome> {
  if (api) {
    const timeout = req.device ? (req.verifyTimeoutMs ?? 20_000) : 0;
    try {
      return await verifyWithProbe(api, folderId, target, timeout, deps.sleep);
    } catch (e) {
      if (e instanceof AppError) return { kind: 'pending', message: `${e.message} ${e.hint}` };
      throw e;
    }
  }
  const probe = path.join(target, `.ai-config-probe-${process.pid}.txt`);
  const text = `AI Configurator sync probe ${deps.now().toISOString()}\n`;
  fs.writeFileSync(probe, text);
  const back = fs.readFileSync(probe, 'utf8');
  fs.rmSync(probe, { force: true });
  if (back !== text)
    throw new AppError(
      'INVALID_FILE',
      `A probe file written to ${target} read back differently.`,
      'Check the folder (network share, disk) and run `ai-config sync setup` again.',
    );
  return {
    kind: 'local',
    message:
      `A probe file was written to ${target} and read back. ` +
      (req.provider === 'folder'
        ? 'Other machines see it through the share.'
        : `The ${req.provider === 'nextcloud' ? 'Nextcloud' : 'Dropbox'} client uploads it from there.`),
  };
}
