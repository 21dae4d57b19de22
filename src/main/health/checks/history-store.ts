import fs from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../../shared/errors';
import { git } from '../../git/core';
import type { Check } from '../types';

/** The history store (state/history.git) passes `git fsck`, when it exists. */
export const historyStoreCheck: Check = {
  id: 'history',
  title: 'History store intact',
  async run(ctx) {
    const dir = ctx.paths.historyGit;
    if (!fs.existsSync(dir))
      return {
        status: 'ok',
        explanation: `No history store yet (${dir}); it is created with the first versioned change.`,
      };
    // A rollback killed part-way leaves its journal; the next change finishes it, or the repair does now.
    if (fs.existsSync(path.join(dir, 'rollback-journal.json'))) {
      return {
        status: 'warn',
        explanation:
          `A rollback or backup import in ${dir} was interrupted and is not finished yet; ` +
          'some files may be part restored. It is finished automatically by the next change, or now by the repair.',
        ...(ctx.hasRepair('repair-history')
          ? { fix: { id: 'repair-history', title: 'Finish it and verify the history' } }
          : {}),
      };
    }
    try {
      await git(['--git-dir', dir, 'fsck', '--no-progress', '--no-dangling'], {
        cwd: ctx.paths.state,
        operation: 'history fsck',
        logger: ctx.logger,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      return { status: 'ok', explanation: `${dir} passed an integrity check (git fsck).` };
    } catch (e) {
      const detail = isAppError(e)
        ? String((e.details as { stderr?: string } | undefined)?.stderr ?? e.message)
            .split('\n')
            .slice(0, 3)
            .join(' ')
        : String(e);
      return {
        status: 'fail',
        explanation:
          `The history store ${dir} is damaged: ${detail}. Earlier versions may not be restorable. ` +
          'Do not delete it; copy it aside and ask for help with the diagnostics bundle ' +
          '(`ai-config diagnostics FILE`).',
        ...(ctx.hasRepair('repair-history')
          ? { fix: { id: 'repair-history', title: 'Repair the history store' } }
          : {}),
      };
    }
  },
};
