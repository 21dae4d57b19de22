import type { approvalsChannels } from '../../../shared/ipc/channels/approvals';
import { approve, listApprovals } from '../../library/approval/approve';
import type { Services } from '../../services';
import type { Handlers } from '../router';

/** `approvals:*` channels: what the user approved for installs from library sources (state/approvals.json). */
export function approvalsHandlers(services: Services): Pick<Handlers, keyof typeof approvalsChannels> {
  return {
    'approvals:list': () => {
      services.requireSettings();
      return { approvals: listApprovals(services.paths) };
    },
    'approvals:approve': async (req, ctx) => {
      services.requireSettings();
      return { approved: await approve(services.paths, services.audit, req.items, ctx) };
    },
  };
}
