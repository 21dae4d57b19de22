import type { InstallResult } from '../../shared/agents';
import { isAppError } from '../../shared/errors';
import type { RequestOf } from '../../shared/ipc/contract';
import type { PendingApproval } from '../../shared/scan';
import type { CommandContext } from '../context';
import { pendingLines } from '../../main/agents/approval-gate';

type InstallRequests = RequestOf<'agents:installMany'>['requests'];

/** The servers a NEEDS_APPROVAL error listed (its `details.pending`), or undefined for any other error. */
function pendingOf(e: unknown): ReadonlyArray<PendingApproval> | undefined {
  if (!isAppError(e) || e.code !== 'NEEDS_APPROVAL') return undefined;
  const pending = e.details?.pending;
  return Array.isArray(pending) ? (pending as PendingApproval[]) : undefined;
}

/**
 * Installs; with `approve`, a NEEDS_APPROVAL answer is shown (each exact command line), exactly those content hashes
 * are approved, and the install runs once more. If a server changed in between, its hash differs and the second
 * install asks again rather than install something that was not shown.
 */
export async function installApproving(
  ctx: CommandContext,
  requests: InstallRequests,
  approve: boolean,
): Promise<ReadonlyArray<InstallResult>> {
  try {
    return (await ctx.call('agents:installMany', { requests })).results;
  } catch (e) {
    const pending = pendingOf(e);
    if (!approve || !pending?.length || requests.some((r) => r.dryRun)) throw e;
    const say = ctx.flags.json ? ctx.io.err : ctx.io.out;
    say('Approving (--approve):\n');
    for (const line of pendingLines(pending)) say(`  ${line}\n`);
    await ctx.call('approvals:approve', { items: [...pending] });
    return (await ctx.call('agents:installMany', { requests })).results;
  }
}
