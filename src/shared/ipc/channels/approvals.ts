import { z } from 'zod';
import { channel } from '../define';
import { APPROVAL_KINDS, type Approval } from '../../scan';

/** What NEEDS_APPROVAL's `details.pending` lists, sent back as it was shown to approve exactly that. */
const pendingApproval = z
  .object({
    kind: z.enum(APPROVAL_KINDS),
    source: z.string().min(1).max(64),
    name: z.string().min(1).max(128),
    path: z.string().min(1).max(1024).optional(),
    event: z.string().min(1).max(64).optional(),
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 (64 hex digits)'),
    command: z.string().max(100_000),
  })
  .strict();

export const approvalsChannels = {
  /** Every approval remembered (state/approvals.json). */
  'approvals:list': channel<{ readonly approvals: ReadonlyArray<Approval> }>()(z.object({}).strict()),
  /** Approves these executable parts by content hash; an install that shows them next goes ahead. */
  'approvals:approve': channel<{ readonly approved: ReadonlyArray<Approval> }>()(
    z.object({ items: z.array(pendingApproval).min(1).max(200) }).strict(),
    { mutates: true },
  ),
};
