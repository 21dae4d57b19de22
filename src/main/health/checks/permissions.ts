import fs from 'node:fs';
import path from 'node:path';
import type { Check, HealthContext } from '../types';
import { listDir } from './util';

/** A path whose mode is looser than it should be. */
export interface PermissionProblem {
  readonly path: string;
  readonly mode: number;
  readonly want: number;
}

/**
 * Secrets must be private: state/secrets and every folder under it 0700, every file 0600. The state
 * folder must not be writable by others. (POSIX only; Windows uses ACLs that Node cannot read.)
 */
export function permissionProblems(ctx: HealthContext): PermissionProblem[] {
  const out: PermissionProblem[] = [];
  const check = (p: string, want: number, mask: number) => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return;
    }
    const mode = st.mode & 0o777;
    if (mode & mask) out.push({ path: p, mode, want });
  };
  check(ctx.paths.state, 0o700, 0o022);
  const visit = (dir: string) => {
    check(dir, 0o700, 0o077);
    for (const e of listDir(dir)) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) visit(abs);
      else if (e.isFile()) check(abs, 0o600, 0o077);
    }
  };
  if (fs.existsSync(ctx.paths.secrets)) visit(ctx.paths.secrets);
  return out;
}

const octal = (n: number) => n.toString(8).padStart(4, '0');

/** Secret files are private and the state folder is writable by its owner only. */
export const permissionsCheck: Check = {
  id: 'permissions',
  title: 'Permissions of state and secret files',
  run(ctx) {
    if (process.platform === 'win32')
      return {
        status: 'ok',
        explanation: 'File modes are not used on Windows; the folder inherits your profile ACLs.',
      };
    const problems = permissionProblems(ctx);
    const notWritable = [ctx.paths.home, ctx.paths.state].filter((d) => {
      try {
        if (!fs.existsSync(d)) return false;
        fs.accessSync(d, fs.constants.W_OK);
        return false;
      } catch {
        return true;
      }
    });
    if (!problems.length && !notWritable.length)
      return {
        status: 'ok',
        explanation: 'Secret files are private (0600, folders 0700) and the state folder is yours alone.',
      };
    const parts = [
      ...problems.map((p) => `${p.path} is ${octal(p.mode)} (should be ${octal(p.want)})`),
      ...notWritable.map((d) => `${d} is not writable by you`),
    ];
    return {
      status: problems.some((p) => p.path.startsWith(ctx.paths.secrets)) || notWritable.length ? 'fail' : 'warn',
      explanation: `${parts.join('; ')}. Other users of this machine could read or change your tokens and history.`,
      ...(ctx.hasRepair('fix-permissions')
        ? { fix: { id: 'fix-permissions', title: 'Restrict the permissions' } }
        : {}),
    };
  },
};
