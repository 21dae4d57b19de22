import fs from 'node:fs';
import { z } from 'zod';
import { APPROVAL_KINDS, type Approval, type PendingApproval } from '../../../shared/scan';
import { writeAtomic } from '../../workspace/atomic-write';

/** One approval; `hook` was added after `mcp-server` (older files hold only servers and load as they are). */
const approvalSchema = z.object({
  kind: z.enum(APPROVAL_KINDS),
  source: z.string(),
  name: z.string(),
  path: z.string().optional(),
  event: z.string().optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  command: z.string(),
  approvedAt: z.string(),
});
const fileSchema = z.object({ schemaVersion: z.literal(1), approvals: z.array(approvalSchema) });

/** state/approvals.json: the executable parts (by content hash) the user approved. */
export interface ApprovalStore {
  list(): Approval[];
  isApproved(hash: string): boolean;
  /** Records these approvals (atomic write); returns what is now approved of them. */
  approve(items: ReadonlyArray<PendingApproval>): Promise<Approval[]>;
}

/** The same approval: one server of one source with this content. */
function same(a: PendingApproval, b: PendingApproval): boolean {
  return a.hash === b.hash && a.source === b.source && a.name === b.name;
}

/**
 * The approvals file. An unreadable or invalid file counts as no approvals (everything asks again), never as
 * approved; the next approve rewrites it whole.
 */
export function createApprovalStore(file: string, now: () => Date = () => new Date()): ApprovalStore {
  const load = (): Approval[] => {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return [];
    }
    const parsed = fileSchema.safeParse(raw);
    return parsed.success ? parsed.data.approvals : [];
  };
  return {
    list: load,
    isApproved: (hash) => load().some((a) => a.hash === hash),
    async approve(items) {
      const current = load();
      const at = now().toISOString();
      const unique = items.filter((i, n) => items.findIndex((j) => same(i, j)) === n);
      const added = unique
        .filter((i) => !current.some((a) => same(a, i)))
        .map((i) => ({
          kind: i.kind,
          source: i.source,
          name: i.name,
          ...(i.path !== undefined ? { path: i.path } : {}),
          ...(i.event !== undefined ? { event: i.event } : {}),
          hash: i.hash,
          command: i.command,
          approvedAt: at,
        }));
      if (added.length)
        await writeAtomic(
          file,
          `${JSON.stringify({ schemaVersion: 1, approvals: [...current, ...added] }, null, 2)}\n`,
        );
      const all = [...current, ...added];
      return unique.map((i) => all.find((a) => same(a, i))!);
    },
  };
}
