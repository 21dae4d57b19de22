import fs from 'node:fs';
import path from 'node:path';
import { isDir, requiredFolders } from '../checks/folders';
import type { Repair } from '../types';

/** Re-creates the workspace folders that are missing (nothing existing is touched, so nothing needs a backup). */
export const createFoldersRepair: Repair = {
  id: 'create-folders',
  title: 'Re-create missing folders',
  async run(ctx) {
    const actions: string[] = [];
    const personal = ctx.personalDir();
    for (const dir of requiredFolders(ctx)) {
      if (isDir(dir)) continue;
      if (fs.existsSync(dir)) {
        actions.push(`${dir} exists but is not a folder; left it alone (move it aside and run the repair again)`);
        continue;
      }
      await fs.promises.mkdir(dir, { recursive: true, ...(dir === ctx.paths.state ? { mode: 0o700 } : {}) });
      actions.push(`created ${dir}`);
      if (dir === personal) {
        for (const sub of ['knowledge', 'agents', 'mcp-servers'])
          await fs.promises.mkdir(path.join(dir, sub), { recursive: true });
        actions.push(`created ${personal}/knowledge, agents, mcp-servers`);
      }
    }
    if (!actions.length) return { outcome: 'skipped', actions: ['every folder was already there'] };
    return { outcome: actions.every((a) => a.startsWith('created')) ? 'repaired' : 'failed', actions };
  },
};
