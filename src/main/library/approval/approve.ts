import type { Approval, PendingApproval } from '../../../shared/scan';
import type { OperationContext } from '../../context';
import type { AuditTrail } from '../../observability/audit';
import { withLock } from '../../workspace/lock';
import type { Paths } from '../../workspace/paths';
import { approvalsFile } from '../content-check';
import { createApprovalStore } from './store';

/** Approves what an install showed (under the workspace lock), with one audit record naming each command. */
export function approve(
  paths: Paths,
  audit: AuditTrail,
  items: ReadonlyArray<PendingApproval>,
  ctx: OperationContext,
  now?: () => Date,
): Promise<Approval[]> {
  const started = Date.now();
  return withLock(paths.lock, 'approvals.approve', async () => {
    const approved = await createApprovalStore(approvalsFile(paths.state), now).approve(items);
    audit.append({
      operation: 'approvals.approve',
      target: items.map((i) => `${i.source}/${i.name}`).join(', '),
      result: 'ok',
      durationMs: Date.now() - started,
      correlationId: ctx.correlationId,
      details: { approved: items.map((i) => ({ source: i.source, name: i.name, hash: i.hash, command: i.command })) },
    });
    return approved;
  });
}

/** Every approval remembered. */
export function listApprovals(paths: Paths): Approval[] {
  return createApprovalStore(approvalsFile(paths.state)).list();
}
