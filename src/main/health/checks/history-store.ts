import fs from 'node:fs';
import { isAppError } from '../../../shared/errors';
import { git } from '../../git/core';
import type { Check } from '../types';

/** The history store (state/history.git) passes `git fsck`, when it exists. */
export const historyStoreCheck: Check = {
  id: 'history',
  title: 'History store intact',
  async run(ctx) {
    const dir = ctx.paths.historyGit;
    if (!fs.existsSync(dir)) return { status: 'ok', explanation: `No history store yet (${dir}); it is created with the first versioned change.` };
    try {
      await git(['--git-dir', dir, 'fsck', '--no-progress', '--no-dangling'], { cwd: ctx.paths.state, operation: 'history fsck', logger: ctx.logger, ...(ctx.signal ? { signal: ctx.signal } : {}) });
      return { status: 'ok', explanation: `${dir} passed an integrity check (git fsck).` };
    } catch (e) {
      const detail = isAppError(e) ? String((e.details as { stderr?: string } | undefined)?.stderr ?? e.message).split('\n').slice(0, 3).join(' ') : String(e);
      return {
        status: 'fail',
        explanation: `The history store ${dir} is damaged: ${detail}. Earlier versions may not be restorable. Do not delete it; copy it aside and ask for help with the diagnostics bundle (\`ai-config diagnostics FILE\`).`,
        ...(ctx.hasRepair('repair-history') ? { fix: { id: 'repair-history', title: 'Repair the history store' } } : {}),
      };
    }
  },
};
