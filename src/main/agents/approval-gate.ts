import type { Agent } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import type { PendingApproval } from '../../shared/scan';
import { hookPendingApproval, pendingApproval } from '../library/approval/executable';
import { readWalkedText } from '../workspace/boundary';
import type { LibraryFileRef } from './library-files';
import { parseMcpServer } from './resolve';
import { resolveHooks } from './resolve-kinds';

/**
 * Which MCP servers and hooks an install may use without asking: approved content hashes, and sources that need
 * none.
 */
export interface ApprovalGate {
  readonly isApproved: (hash: string) => boolean;
  /** Sources whose servers need no approval (the personal workspace, the starter library that ships with the app). */
  readonly trusted: (source: string) => boolean;
}

/**
 * The agent's MCP servers and hooks from untrusted sources whose executable part is not approved (winning file per
 * name; a hook's identity is its source, path, event and command).
 */
export function pendingForAgent(
  agent: Pick<Agent, 'mcpServers'> & Partial<Pick<Agent, 'hooks'>>,
  files: ReadonlyArray<LibraryFileRef>,
  gate: ApprovalGate,
): PendingApproval[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const out: PendingApproval[] = [];
  for (const name of agent.mcpServers) {
    const f = byPath.get(`mcp-servers/${name}.json`);
    // A missing or invalid definition fails the render, which names it.
    if (!f || gate.trusted(f.source)) continue;
    let p: PendingApproval;
    try {
      p = pendingApproval(f.source, parseMcpServer(readWalkedText(f.abs, f.path), `${f.source}/${f.path}`));
    } catch {
      continue;
    }
    if (!gate.isApproved(p.hash) && !out.some((o) => o.hash === p.hash)) out.push(p);
  }
  let hooks: ReturnType<typeof resolveHooks> = [];
  try {
    hooks = resolveHooks(agent.hooks ?? [], files, []);
  } catch {
    // An invalid hook file fails the render, which names it.
  }
  for (const h of hooks) {
    if (gate.trusted(h.source)) continue;
    const p = hookPendingApproval(h);
    if (!gate.isApproved(p.hash) && !out.some((o) => o.hash === p.hash)) out.push(p);
  }
  return out;
}

/** One line per server or hook: `name (from source): command line`, a hook with its event and file. */
export function pendingLines(pending: ReadonlyArray<PendingApproval>): string[] {
  return pending.map((p) =>
    p.kind === 'hook'
      ? `hook ${p.name} on ${p.event} (from ${p.source}/${p.path}): ${p.command}`
      : `${p.name} (from ${p.source}): ${p.command}`,
  );
}

/** The message of NEEDS_APPROVAL: the agent and the exact command line of each server and hook. */
function needsApprovalMessage(agent: string, pending: ReadonlyArray<PendingApproval>): string {
  const what = pending.some((p) => p.kind === 'hook')
    ? pending.some((p) => p.kind === 'mcp-server')
      ? 'MCP server(s) and hook(s)'
      : 'hook(s)'
    : 'MCP server(s)';
  return (
    `The agent "${agent}" would install ${what} from a library source that you have not approved ` +
    `(new, or changed since you approved them). Nothing was written. They would run:\n` +
    pendingLines(pending)
      .map((l) => `  ${l}`)
      .join('\n')
  );
}

const NEEDS_APPROVAL_HINT =
  'Check each command; if you trust it, run the install again with --approve (CLI) or click Approve in the app.';

/** NEEDS_APPROVAL for an install: the commands in the message and in `details.pending` (what --approve approves). */
export function needsApprovalError(agent: string, pending: ReadonlyArray<PendingApproval>): AppError {
  return new AppError('NEEDS_APPROVAL', needsApprovalMessage(agent, pending), NEEDS_APPROVAL_HINT, {
    agent,
    pending,
  });
}

/** The warning a preview (dry run, plan) shows instead of refusing. */
export function needsApprovalWarning(pending: ReadonlyArray<PendingApproval>): string {
  return `Needs approval before it is installed (--approve, or Approve in the app): ${pendingLines(pending).join('; ')}`;
}
