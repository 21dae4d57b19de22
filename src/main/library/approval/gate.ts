import { PERSONAL_SOURCE } from '../../../shared/library';
import type { Settings } from '../../../shared/settings';
import type { Paths } from '../../workspace/paths';
import { approvalsFile } from '../content-check';
import { createApprovalStore } from './store';

/**
 * The install gate's view of approvals: state/approvals.json, and the sources that need none. The personal workspace
 * is the user's own (written, imported or synced by them); the starter library ships with the app and is never
 * fetched from anywhere. Every Git source is someone else's repository, so its servers need approval.
 */
export function approvalGate(paths: Paths, settings: () => Settings | undefined) {
  const store = createApprovalStore(approvalsFile(paths.state));
  return {
    isApproved: (hash: string) => store.isApproved(hash),
    trusted: (source: string) =>
      source === PERSONAL_SOURCE || settings()?.sources.find((s) => s.name === source)?.kind === 'starter',
  };
}
