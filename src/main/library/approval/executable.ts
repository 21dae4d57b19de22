import { createHash } from 'node:crypto';
import type { McpServer } from '../../../shared/agents';
import type { PendingApproval } from '../../../shared/scan';
import { visible } from '../scan/hidden-unicode';

/**
 * What a tool would execute or connect to for this server: command, args and the names of its environment variables
 * (stdio), or the URL (http). Env values and headers are left out: they hold tokens that change without the program
 * changing, and a rotated token should not ask for approval again.
 */
export function executablePart(server: McpServer): Readonly<Record<string, unknown>> {
  if (server.transport === 'http') return { kind: 'mcp-server', transport: 'http', url: server.url };
  return {
    kind: 'mcp-server',
    transport: 'stdio',
    command: server.command,
    args: server.args,
    envKeys: Object.keys(server.env).sort(),
  };
}

/** The sha256 (hex) an approval remembers. */
export function executableHash(server: McpServer): string {
  return createHash('sha256')
    .update(JSON.stringify(executablePart(server)))
    .digest('hex');
}

const PLAIN_ARG = /^[A-Za-z0-9_@%+=:,./${}-]+$/;

/** One word as a POSIX shell would need it quoted, with hidden and control characters made visible. */
function shellWord(s: string): string {
  const v = visible(s);
  return PLAIN_ARG.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

/** The exact command line (stdio) or URL (http), as shown for approval. */
export function commandLine(server: McpServer): string {
  if (server.transport === 'http') return `${visible(server.url)} (HTTP)`;
  const keys = Object.keys(server.env).sort();
  const envNote = keys.length ? `  [env: ${keys.map(visible).join(', ')}]` : '';
  return `${[server.command, ...server.args].map(shellWord).join(' ')}${envNote}`;
}

/** A hook as approval sees it: who brings it, where, when it runs and what it runs. */
export interface HookForApproval {
  readonly source: string;
  readonly path: string;
  readonly name: string;
  readonly event: string;
  readonly command: string;
}

/**
 * The sha256 (hex) an approval of a hook remembers: its identity is the source, the hook file's path, the event and
 * the command (a changed matcher or timeout does not run anything new).
 */
export function hookHash(hook: HookForApproval): string {
  return createHash('sha256')
    .update(
      JSON.stringify({ kind: 'hook', source: hook.source, path: hook.path, event: hook.event, command: hook.command }),
    )
    .digest('hex');
}

/** What approving this hook would record; `command` is the shell command with hidden characters made visible. */
export function hookPendingApproval(hook: HookForApproval): PendingApproval {
  return {
    kind: 'hook',
    source: hook.source,
    name: hook.name,
    path: hook.path,
    event: hook.event,
    hash: hookHash(hook),
    command: visible(hook.command),
  };
}

/** What approving this server from `source` would record. */
export function pendingApproval(source: string, server: McpServer): PendingApproval {
  return {
    kind: 'mcp-server',
    source,
    name: server.name,
    hash: executableHash(server),
    command: commandLine(server),
  };
}
