import type { Command } from 'commander';
import { ENTRY_KINDS } from '../../shared/library';
import { UsageError } from '../output';
import type { CommandRunner } from '../command';

const KINDS = ENTRY_KINDS;

export function registerSearch(program: Command, run: CommandRunner): void {
  program
    .command('search')
    .description(
      'Search every library and personal file: full text, title, tags and path, ranked, ' +
        'with prefix and typo-tolerant matching.',
    )
    .argument('<query...>', 'words to look for (an empty string with filters lists the matching files)')
    .option('--source <name>', 'only files of this source (a library source name, or "personal")')
    .option('--tag <tag>', 'only files with this tag')
    .option('--kind <kind>', `only files of this kind: ${KINDS.join(', ')}`)
    .option('--limit <n>', 'at most this many results (default 20)')
    .option('--json', 'print the result as JSON')
    .action((words: string[], opts: { source?: string; tag?: string; kind?: string; limit?: string; json?: boolean }) =>
      run('search', opts, async (ctx) => {
        if (opts.kind !== undefined && !(KINDS as ReadonlyArray<string>).includes(opts.kind))
          throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, not "${opts.kind}".`);
        const limit = opts.limit === undefined ? undefined : Number(opts.limit);
        if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 500))
          throw new UsageError(`--limit must be a whole number from 1 to 500, not "${opts.limit}".`);
        const result = await ctx.call('index:search', {
          query: words.join(' '),
          ...(opts.source ? { source: opts.source } : {}),
          ...(opts.tag ? { tag: opts.tag } : {}),
          ...(opts.kind ? { kind: opts.kind as (typeof KINDS)[number] } : {}),
          ...(limit ? { limit } : {}),
        });
        if (ctx.flags.json) return result;
        for (const h of result.hits) {
          ctx.io.out(
            `${h.source}/${h.path}  ${h.title}${h.overriddenBy ? `  (overridden by ${h.overriddenBy})` : ''}\n`,
          );
          if (h.description) ctx.io.out(`    ${h.description}\n`);
        }
        ctx.io.out(
          result.total === 0
            ? `No files match "${result.query}".\n`
            : `${result.hits.length} of ${result.total} matches (${result.tookMs} ms)\n`,
        );
        return undefined;
      }),
    );

  const index = program.command('index').description('The library index (state/index/): statistics and rebuild.');
  index
    .command('rebuild')
    .description(
      'Throw the index cache away and index every file again ' +
        '(the index also rebuilds itself when its cache is damaged).',
    )
    .option('--json', 'print the index statistics as JSON')
    .action((opts: { json?: boolean }) =>
      run('index rebuild', opts, async (ctx) => {
        const s = await ctx.call('index:rebuild', {});
        if (ctx.flags.json) return s;
        ctx.io.out(
          `Indexed ${s.files} files (${s.terms} distinct words, about ${s.tokens} tokens) ` +
            `in ${s.lastUpdate?.ms ?? '?'} ms.\n`,
        );
        return undefined;
      }),
    );
  index
    .command('stats')
    .description('How many files and words the index holds, per source, and where its cache lives.')
    .option('--json', 'print the statistics as JSON')
    .action((opts: { json?: boolean }) =>
      run('index stats', opts, async (ctx) => {
        const s = await ctx.call('index:stats', {});
        if (ctx.flags.json) return s;
        ctx.io.out(
          `${s.files} files, ${s.terms} distinct words, about ${s.tokens} tokens (loaded from ${s.loadedFrom})\n`,
        );
        for (const src of s.sources)
          ctx.io.out(`  ${src.name.padEnd(12)} ${src.files} files${src.skipped ? `, ${src.skipped} skipped` : ''}\n`);
        ctx.io.out(`Cache: ${s.cacheFile} (${s.cacheBytes} bytes)\n`);
        return undefined;
      }),
    );
}
