import type { CommandContext } from './context';

/** Runs one command body with a context; returns what to print as JSON (or undefined when it printed itself). */
export type CommandRunner = (
  name: string,
  opts: { json?: boolean },
  body: (ctx: CommandContext) => Promise<unknown>,
) => Promise<void>;
