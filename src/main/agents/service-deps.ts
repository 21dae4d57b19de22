import type { History } from '../history/api';
import type { SourceRoot } from '../library/tree';
import type { AuditTrail } from '../observability/audit';
import type { Metrics } from '../observability/metrics';
import type { SecretStore } from '../secrets/store';
import type { ToolPlaceholders } from '../secrets/tool-placeholders';
import type { ApprovalGate } from './approval-gate';

/** What the agent service needs from the process: library roots, personal folder, state files, history, audit. */
export interface AgentServiceDeps {
  readonly roots: () => ReadonlyArray<SourceRoot>;
  readonly personalDir: () => string;
  /** state/installs/manifest.json */
  readonly manifestFile: string;
  readonly lockFile: string;
  readonly history: History;
  readonly audit: AuditTrail;
  readonly secrets: Pick<SecretStore, 'get'>;
  readonly env: NodeJS.ProcessEnv;
  /** The user's home directory: every user-scope tool file lives under it. */
  readonly homeDir: string;
  readonly platform?: NodeJS.Platform;
  readonly now?: () => Date;
  /** Where agents' token budgets go for the Analytics chart (recorded on show and after an install). */
  readonly metrics?: Pick<Metrics, 'recordTokenBudget'>;
  /** Told of secrets resolved into tool files, so those files are written 0600 and history keeps placeholders. */
  readonly toolPlaceholders?: Pick<ToolPlaceholders, 'noteSecret' | 'prepare'>;
  /** Approval of MCP servers from library sources; without it nothing is gated (tests that build the service bare). */
  readonly approvals?: ApprovalGate;
  /** Tool-file symlinks the user allowed (settings `filesystem.allowSymlinks`); every other link is refused. */
  readonly allowSymlinks?: () => ReadonlyArray<string>;
}
