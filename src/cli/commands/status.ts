import type { Command } from 'commander';
import type { CommandRunner } from '../command';

export function registerStatus(program: Command, run: CommandRunner): void {
  program
    .command('status')
    .description('Show where the workspace lives and which library sources it uses.')
    .option('--json', 'print the status as JSON')
    .action((opts: { json?: boolean }) =>
      run('status', opts, async (ctx) => {
        const status = await ctx.call('workspace:status', {});
        if (ctx.flags.json) return status;
        const { io } = ctx;
        io.out(`Workspace: ${status.home}${status.initialized ? '' : ' (not initialised: run `ai-config init`)'}\n`);
        io.out(`Personal:  ${status.personalDir}\n`);
        if (status.sources.length) io.out('Sources:\n');
        for (const s of status.sources) {
          const where = s.present
            ? `${s.branch ?? ''} @ ${s.commit?.slice(0, 10) ?? '?'} (${s.commitDate ?? ''})`
            : 'missing: run `ai-config init` or `ai-config doctor --fix`';
          io.out(`  ${s.name.padEnd(12)} ${s.url}  ${where}${s.pinned ? `  pinned to ${s.pinned}` : ''}\n`);
        }
        return undefined;
      }),
    );
}
