import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { createRuntime, type Runtime } from '../main/runtime';
import { makeCommandContext } from './context';
import { EXIT, printError, printJson, processIo, type Io } from './output';
import type { CommandRunner } from './command';
import { registerAgent } from './commands/agent';
import { registerImport } from './commands/import';
import { registerHistory } from './commands/history';
import { registerInit } from './commands/init';
import { registerLint } from './commands/lint';
import { registerLibrary } from './commands/library';
import { registerServe } from './commands/serve';
import { registerStatus } from './commands/status';
import { registerSearch } from './commands/search';
import { registerHealth } from './commands/health';
import { registerSync } from './commands/sync';
import { registerSecret } from './commands/secret';
import { registerTools } from './commands/tools';

export interface CliOptions {
  readonly version: string;
  readonly packageRoot: string;
  readonly io?: Io;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: ReadonlyArray<string>, opts: CliOptions): Promise<number> {
  const io = opts.io ?? processIo;
  const env = opts.env ?? process.env;
  let exitCode: number = EXIT.ok;
  let runtime: Runtime | undefined;
  const program = new Command('ai-config');

  const getRuntime = (debug: boolean): Runtime =>
    (runtime ??= createRuntime({
      host: 'cli',
      version: opts.version,
      assetsDir: env.AI_CONFIG_ASSETS ?? path.join(opts.packageRoot, 'assets'),
      env,
      ...(debug ? { logLevel: 'debug' as const } : {}),
    }));

  const run: CommandRunner = async (name, cmdOpts, body) => {
    const flags = { json: !!cmdOpts.json, debug: !!program.opts<{ debug?: boolean }>().debug };
    let correlationId: string | undefined;
    try {
      const ctx = makeCommandContext(getRuntime(flags.debug), io, flags, name);
      correlationId = ctx.correlationId;
      const value = await body(ctx);
      if (flags.json && value !== undefined) printJson(io, value);
      if (ctx.exitCode) exitCode = ctx.exitCode;
    } catch (e) {
      exitCode = printError(io, e, flags.json, correlationId);
    }
  };

  program
    .version(opts.version, '-v, --version', 'print the version')
    .description(
      'AI Configurator: one library of AI coding-tool rules, agents and MCP servers, installed into every tool.',
    )
    .option('--debug', 'log at debug level')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();

  registerInit(program, run);
  registerStatus(program, run);
  registerLibrary(program, run);
  registerAgent(program, run);
  registerImport(program, run);
  registerLint(program, run);
  registerHistory(program, run);
  registerSearch(program, run);
  registerServe(program, run, opts.packageRoot);
  registerHealth(program, run);
  registerSync(program, run);
  registerSecret(program, run, env);
  registerTools(program, run);

  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    for (const sub of cmd.commands)
      sub.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  }

  try {
    await program.parseAsync(['node', 'ai-config', ...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return EXIT.ok;
      return EXIT.usage;
    }
    throw e;
  }
  return exitCode;
}
