/** How long a git call may run before it is killed, by what it does. */
export const GIT_TIMEOUTS_MS = {
  /** Talks to a server: a big clone over a slow link takes a while, a hung connection must still end. */
  network: 30 * 60_000,
  /** Rewrites or checks a whole store (repack, gc, fsck, bundle). */
  maintenance: 30 * 60_000,
  /** Everything else: reads and small writes of a local repository. */
  local: 5 * 60_000,
} as const;

export type GitTimeoutKind = keyof typeof GIT_TIMEOUTS_MS;

const NETWORK = new Set(['clone', 'fetch', 'pull', 'push', 'ls-remote', 'remote', 'submodule']);
const MAINTENANCE = new Set(['repack', 'gc', 'fsck', 'bundle', 'prune', 'reflog', 'maintenance', 'pack-objects']);
/** Global options that take a separate value (`-c key=value`, `-C dir`, ...). */
const WITH_VALUE = new Set(['-c', '-C', '--git-dir', '--work-tree', '--namespace', '--config-env']);

/** The git subcommand of an argument list (after the global options), or undefined. */
export function gitSubcommand(args: ReadonlyArray<string>): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** The kind of a git call, from its subcommand. */
export function gitTimeoutKind(args: ReadonlyArray<string>): GitTimeoutKind {
  const sub = gitSubcommand(args) ?? '';
  if (NETWORK.has(sub)) return 'network';
  if (MAINTENANCE.has(sub)) return 'maintenance';
  return 'local';
}

/** The default timeout of a git call, in ms. */
export function defaultGitTimeoutMs(args: ReadonlyArray<string>): number {
  return GIT_TIMEOUTS_MS[gitTimeoutKind(args)];
}
