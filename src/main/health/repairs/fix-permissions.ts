import fs from 'node:fs';
import { permissionProblems } from '../checks/permissions';
import type { Repair } from '../types';

/**
 * Restricts secret files to 0600, their folders to 0700, and the state folder to its owner; the old modes are saved
 * first.
 */
export const fixPermissionsRepair: Repair = {
  id: 'fix-permissions',
  title: 'Restrict permissions',
  async run(ctx) {
    if (process.platform === 'win32') return { outcome: 'skipped', actions: ['file modes do not apply on Windows'] };
    const problems = permissionProblems(ctx);
    if (!problems.length) return { outcome: 'skipped', actions: ['permissions were already right'] };
    const manifest = problems.map((p) => ({ path: p.path, mode: p.mode.toString(8) }));
    const backup = await ctx.backup([], { 'permissions.json': JSON.stringify(manifest, null, 2) + '\n' });
    const actions: string[] = [];
    let failed = false;
    for (const p of problems) {
      const mode = p.path === ctx.paths.state ? p.mode & ~0o022 : p.want;
      try {
        fs.chmodSync(p.path, mode);
        actions.push(`chmod ${mode.toString(8)} ${p.path} (was ${p.mode.toString(8)})`);
      } catch (e) {
        failed = true;
        actions.push(`could not chmod ${p.path}: ${(e as Error).message}`);
      }
    }
    return { outcome: failed ? 'failed' : 'repaired', actions, backup };
  },
};
