import type { Command } from 'commander';
import type { CommandRunner } from '../command';

export function registerInit(program: Command, run: CommandRunner): void {
  program
    .command('init')
    .description(
      'Create the workspace: settings, personal folder, and the library ' +
        '(the starter library, or a clone of --library URL). Safe to run again.',
    )
    .option('--library <url>', 'clone this Git repository as the library instead of the embedded starter library')
    .option('--json', 'print the result as JSON')
    .action((opts: { library?: string; json?: boolean }) =>
      run('init', opts, async (ctx) => {
        const result = await ctx.call('workspace:init', opts.library ? { library: opts.library } : {});
        if (ctx.flags.json) return result;
        ctx.io.out(`${result.message}\n`);
        for (const s of result.sources)
          ctx.io.out(`  ${s.name}: ${s.url}${s.commit ? ` @ ${s.commit.slice(0, 10)}` : ''}\n`);
        return undefined;
      }),
    );
}
