import fs from 'node:fs';

/** `NAME:N` arms one failpoint: the process SIGKILLs itself (and its process group) at the Nth hit of NAME. */
export const FAILPOINT_ENV = 'AI_CONFIG_FAILPOINT';
/** A file that every failpoint hit appends its name to, one a line (so a harness can list what an operation passes). */
export const FAILPOINT_TRACE_ENV = 'AI_CONFIG_FAILPOINT_TRACE';

interface Armed {
  readonly name: string | undefined;
  readonly at: number;
  readonly trace: string | undefined;
  hits: number;
}

/** Undefined until the first hit reads the environment; null when neither variable is set (the usual case). */
let armed: Armed | null | undefined;

/** Parses `NAME:N` (N defaults to 1; a name may itself contain colons). */
export function parseFailpoint(spec: string): { readonly name: string; readonly at: number } | undefined {
  const i = spec.lastIndexOf(':');
  const n = i > 0 ? Number(spec.slice(i + 1)) : NaN;
  if (Number.isInteger(n) && n > 0) return { name: spec.slice(0, i), at: n };
  return spec ? { name: spec, at: 1 } : undefined;
}

function arm(env: NodeJS.ProcessEnv): Armed | null {
  const spec = env[FAILPOINT_ENV] ? parseFailpoint(env[FAILPOINT_ENV]) : undefined;
  const trace = env[FAILPOINT_TRACE_ENV] || undefined;
  if (!spec && !trace) return null;
  return { name: spec?.name, at: spec?.at ?? 0, trace, hits: 0 };
}

/** Like a power cut: the whole process group when this process leads one (git children die too), else itself. */
function killNow(): never {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    // Not a group leader: there is no group with our pid.
  }
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: SIGKILL did not stop the process');
}

/**
 * A named point in a multi-step write where a crash test may kill the process. Inert (one branch on a cached
 * environment read) unless AI_CONFIG_FAILPOINT or AI_CONFIG_FAILPOINT_TRACE is set.
 */
export function failpoint(name: string): void {
  if ((armed ??= arm(process.env)) === null) return;
  if (armed.trace) fs.appendFileSync(armed.trace, `${name}\n`);
  if (name === armed.name && ++armed.hits === armed.at) killNow();
}
