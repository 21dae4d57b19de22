import os from 'node:os';
import { isAppError } from '../../../shared/errors';
import { git } from '../../git/core';
import type { Check } from '../types';

/** Parses `git version 2.39.2` into [major, minor]; undefined when the output is not recognised. */
export function parseGitVersion(output: string): [number, number] | undefined {
  const m = /git version (\d+)\.(\d+)/.exec(output);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Git is on the PATH and at least 2.30. */
export const gitVersionCheck: Check = {
  id: 'git',
  title: 'Git installed and new enough',
  async run(ctx) {
    let out: string;
    try {
      out = (
        await git(['--version'], {
          cwd: os.tmpdir(),
          operation: 'version',
          logger: ctx.logger,
          ...(ctx.gitExecutable ? { executable: ctx.gitExecutable } : {}),
        })
      ).stdout;
    } catch (e) {
      const msg = isAppError(e) ? `${e.message} ${e.hint}` : String(e);
      return { status: 'fail', explanation: `Git could not be run: ${msg}` };
    }
    const v = parseGitVersion(out);
    if (!v)
      return {
        status: 'fail',
        explanation:
          `"git --version" printed "${out.trim().slice(0, 80)}", which is not a Git version. ` +
          'Install Git 2.30 or newer.',
      };
    const [major, minor] = v;
    if (major < 2 || (major === 2 && minor < 30)) {
      return {
        status: 'fail',
        explanation:
          `Git ${major}.${minor} is too old; AI Configurator needs 2.30 or newer. ` +
          'Update Git (git-scm.com, or your package manager) and restart.',
      };
    }
    return { status: 'ok', explanation: `Git ${major}.${minor} is installed.` };
  },
};
