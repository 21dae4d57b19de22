import type { RefusedPath } from '../../shared/ipc/channels/history';
import type { HistoryRepo } from './repo';
import type { RestoreOp } from './restore';
import { isKnownToolPath } from './tool-roots';
import { displayPath, isReserved, TOOLS_MANIFEST } from './tool-paths';
import { manifestOf } from './tree';

const NOT_RECORDED = 'the backup does not record it as a tool file this product installed';
const NOT_A_TOOL_ROOT = 'it is not under a known tool config folder';
const BAD_NAME = 'its name would leave the personal folder or touch git data';

/** Whether a personal tree path stays inside the work tree and out of git's own folders. */
function safePersonalEntry(entry: string): boolean {
  return entry.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && s.toLowerCase() !== '.git');
}

/**
 * Splits the plan of restoring an imported backup into what it may write and what it refuses: a tool file only
 * when the backup's own manifest records it (installed by this product) and it lies under a known tool config
 * root (tool-roots.ts); a personal file only when its name stays inside the personal folder.
 */
export async function guardImport(
  repo: HistoryRepo,
  ops: ReadonlyArray<RestoreOp>,
  target: string,
  homeDir: string,
): Promise<{ ops: RestoreOp[]; refused: RefusedPath[] }> {
  const recorded = new Set(await manifestOf(repo, target));
  const allowed: RestoreOp[] = [];
  const refused: RefusedPath[] = [];
  for (const op of ops) {
    const shown = displayPath(op.entry);
    let reason: string | undefined;
    if (op.entry === TOOLS_MANIFEST) reason = undefined;
    else if (isReserved(op.entry)) {
      if (op.action === 'write' && !recorded.has(op.abs)) reason = NOT_RECORDED;
      else if (!isKnownToolPath(op.abs, homeDir)) reason = NOT_A_TOOL_ROOT;
    } else if (!safePersonalEntry(op.entry)) reason = BAD_NAME;
    if (reason) refused.push({ path: shown, action: op.action, reason });
    else allowed.push(op);
  }
  return { ops: allowed, refused };
}
