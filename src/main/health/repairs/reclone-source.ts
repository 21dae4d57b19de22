import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { git } from '../../git/core';
import { cloneRepo } from '../../library/clone';
import { isLibraryFile } from '../../library/kind';
import { createStarterRepo } from '../../library/starter';
import { readableSettings } from '../checks/util';
import type { Repair, RepairContext } from '../types';

/** Files changed or added in a clone relative to its current commit; undefined when git cannot tell (a broken repo). */
async function localEdits(ctx: RepairContext, dir: string): Promise<string[] | undefined> {
  try {
    const { stdout } = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
      cwd: dir,
      operation: 'local edits',
      logger: ctx.logger,
    });
    const out: string[] = [];
    const parts = stdout.split('\0');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.length < 4) continue;
      const code = p.slice(0, 2);
      if (code[0] === 'R' || code[0] === 'C') i++; // the next field is the old name
      if (code.includes('D')) continue;
      out.push(p.slice(3));
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * Re-clones a missing or broken library source. First the whole folder is copied to a backup; files the
 * user edited or added there are also copied into the personal workspace (where they override the library)
 * unless a personal file already sits at that path. A failed clone puts the old folder back.
 */
export const recloneSourceRepair: Repair = {
  id: 'reclone-source',
  title: 'Re-clone a library source',
  async run(ctx, target) {
    const source = readableSettings(ctx)?.sources.find((s) => s.name === target);
    if (!source)
      throw new AppError(
        'NOT_FOUND',
        `There is no library source named "${target ?? ''}" in ${ctx.paths.settings}.`,
        'Pick a source from `ai-config status`.',
      );
    const dir = ctx.paths.sourceDir(source.name);
    const actions: string[] = [];
    const existed = fs.existsSync(dir);
    let backup: string | undefined;
    if (existed) {
      const edits = fs.existsSync(path.join(dir, '.git')) ? await localEdits(ctx, dir) : undefined;
      backup = await ctx.backup([dir]);
      actions.push(`copied ${dir} to ${backup}`);
      const personal = ctx.personalDir();
      if (edits === undefined) {
        actions.push(
          'could not tell which files were edited locally (the clone is broken); every file is in the backup',
        );
      } else {
        for (const rel of edits) {
          const from = path.join(dir, rel);
          const to = path.join(personal, rel);
          if (!isLibraryFile(path.basename(rel)) || !fs.statSync(from, { throwIfNoEntry: false })?.isFile()) {
            actions.push(`kept local change ${rel} in the backup only`);
          } else if (fs.existsSync(to)) {
            actions.push(`kept local edit ${rel} in the backup (the personal workspace already has that file)`);
          } else {
            await fs.promises.mkdir(path.dirname(to), { recursive: true });
            await fs.promises.copyFile(from, to, fs.constants.COPYFILE_EXCL);
            actions.push(`moved local edit ${rel} into the personal workspace (${to}), where it overrides the library`);
          }
        }
      }
    }
    const aside = `${dir}.broken-${process.pid}-${Date.now()}`;
    if (existed) await fs.promises.rename(dir, aside);
    try {
      if (source.kind === 'starter') await createStarterRepo(ctx.assetsDir, dir, ctx.logger);
      else if (ctx.cloneSource) await ctx.cloneSource(source, ctx.op);
      else
        await cloneRepo({
          url: source.url,
          dest: dir,
          logger: ctx.logger,
          ...(source.branch ? { branch: source.branch } : {}),
          onProgress: (p) =>
            ctx.op.progress({ phase: p.phase, ...(p.percent !== undefined ? { percent: p.percent } : {}) }),
        });
    } catch (e) {
      await fs.promises.rm(dir, { recursive: true, force: true });
      if (existed) await fs.promises.rename(aside, dir);
      actions.push(
        `re-clone failed (${isAppError(e) ? `${e.message} ${e.hint}` : String(e)}); the old folder was put back`,
      );
      return { outcome: 'failed', actions, ...(backup ? { backup } : {}) };
    }
    actions.push(
      source.kind === 'starter' ? `re-created the starter library at ${dir}` : `cloned ${source.url} into ${dir}`,
    );
    if (source.pinned) {
      try {
        await git(['checkout', '--detach', source.pinned], { cwd: dir, operation: 'pin', logger: ctx.logger });
        actions.push(`checked out the pinned version ${source.pinned}`);
      } catch (e) {
        const why = isAppError(e) ? e.message : String(e);
        actions.push(
          `could not check out the pinned version ${source.pinned} (${why}); the source is at the newest version`,
        );
      }
    }
    if (existed) await fs.promises.rm(aside, { recursive: true, force: true });
    return { outcome: 'repaired', actions, ...(backup ? { backup } : {}) };
  },
};
