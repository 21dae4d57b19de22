import type { Command } from 'commander';
import type { CommandRunner } from '../command';

export function registerLibrary(program: Command, run: CommandRunner): Command {
  const library = program.command('library').description('Browse and manage the library sources.');
  library
    .command('list')
    .description('List every library and personal file with its source, kind and title (and what it overrides).')
    .option('--json', 'print the entries as JSON')
    .action((opts: { json?: boolean }) =>
      run('library list', opts, async (ctx) => {
        const { entries } = await ctx.call('library:tree', {});
        if (ctx.flags.json) return entries;
        const width = Math.min(60, Math.max(4, ...entries.map((e) => e.path.length)));
        ctx.io.out(`${'PATH'.padEnd(width)}  ${'SOURCE'.padEnd(10)}  ${'KIND'.padEnd(10)}  TITLE\n`);
        for (const e of entries) {
          const note = e.overriddenBy ? `  (overridden by ${e.overriddenBy})` : e.overrides.length ? `  (overrides ${e.overrides.join(', ')})` : '';
          ctx.io.out(`${e.path.padEnd(width)}  ${e.source.padEnd(10)}  ${e.kind.padEnd(10)}  ${e.title}${note}\n`);
        }
        ctx.io.out(`${entries.length} files\n`);
        return undefined;
      }),
    );
  return library;
}
