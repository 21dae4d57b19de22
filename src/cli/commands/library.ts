import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { SKIP_REASON_LABELS } from '../../shared/library';
import type { SourceInfo, UpdateResult } from '../../shared/sources';
import type { CommandRunner } from '../command';
import type { CommandContext } from '../context';
import { printJson, ReportedFailure, UsageError } from '../output';
import { readSecretLine } from '../prompt';
import { printContentCheck } from './scan-output';

const short = (h?: string) => (h ? h.slice(0, 10) : '-');

/** Ctrl-C cancels the running clone or update (it cleans up) instead of killing the process mid-way. */
function cancelOnInterrupt(ctx: CommandContext): () => void {
  const onInt = () => void ctx.call('sources:cancel', { correlationId: ctx.correlationId }).catch(() => undefined);
  process.once('SIGINT', onInt);
  return () => process.removeListener('SIGINT', onInt);
}

function printResult(ctx: CommandContext, r: UpdateResult): void {
  if (r.error) {
    ctx.io.err(`error: ${r.source}: ${r.error.message}\n  hint: ${r.error.hint}\n`);
    return;
  }
  ctx.io.out(`${r.message}\n`);
  for (const c of r.commits.slice(0, 50))
    ctx.io.out(`  ${short(c.hash)}  ${c.date.slice(0, 10)}  ${c.author}: ${c.subject}\n`);
  if (r.commits.length > 50) ctx.io.out(`  … and ${r.commits.length - 50} more (see \`library log ${r.source}\`)\n`);
  for (const [mark, list] of [
    ['A', r.files.added],
    ['M', r.files.modified],
    ['D', r.files.deleted],
  ] as const)
    for (const f of list) ctx.io.out(`  ${mark} ${f}\n`);
  for (const f of r.kept) ctx.io.out(`  kept your edit: ${f}\n`);
  for (const f of r.conflicts)
    ctx.io.out(
      `  CONFLICT (your version kept in place): ${f}\n` +
        `    choose: library resolve ${r.source} ${f} mine|theirs   ` +
        `(library diff ${r.source} ${f} shows upstream -> yours)\n`,
    );
  printContentCheck(ctx, r.source, r.findings, r.needsApproval);
}

function printStatus(ctx: CommandContext, sources: ReadonlyArray<SourceInfo>): void {
  ctx.io.out(`Sources in precedence order (later ones override earlier ones; personal overrides all):\n`);
  for (const s of sources) {
    const flags = [
      s.pinned ? `pinned to ${s.pinned}` : '',
      s.behind ? `${s.behind} behind` : '',
      s.ahead ? `${s.ahead} ahead` : '',
      s.localChanges.length ? `${s.localChanges.length} local edit(s)` : '',
      s.conflicts.length ? `${s.conflicts.length} conflict(s)` : '',
      s.present ? '' : 'MISSING',
    ].filter(Boolean);
    const updated = s.lastUpdate ? `  (updated ${s.lastUpdate})` : '';
    ctx.io.out(
      `${s.precedence + 1}. ${s.name}  ${s.branch ?? '-'} @ ${short(s.commit)}  ${s.commitSubject ?? ''}\n` +
        `     ${s.url}${updated}${flags.length ? `\n     ${flags.join(', ')}` : ''}\n`,
    );
    for (const c of s.conflicts) ctx.io.out(`     conflict: ${c.path}\n`);
  }
  ctx.io.out(`${sources.length + 1}. personal (always wins)\n`);
}

export function registerLibrary(program: Command, run: CommandRunner): Command {
  const library = program.command('library').description('Browse and manage the library sources (Git repositories).');
  library
    .command('list')
    .description('List every library and personal file with its source, kind and title (and what it overrides).')
    .option('--json', 'print the entries as JSON')
    .action((opts: { json?: boolean }) =>
      run('library list', opts, async (ctx) => {
        const { entries, skipped } = await ctx.call('library:tree', {});
        if (ctx.flags.json) return entries;
        const width = Math.min(60, Math.max(4, ...entries.map((e) => e.path.length)));
        ctx.io.out(`${'PATH'.padEnd(width)}  ${'SOURCE'.padEnd(10)}  ${'KIND'.padEnd(10)}  TITLE\n`);
        for (const e of entries) {
          const note = e.overriddenBy
            ? `  (overridden by ${e.overriddenBy})`
            : e.overrides.length
              ? `  (overrides ${e.overrides.join(', ')})`
              : '';
          ctx.io.out(`${e.path.padEnd(width)}  ${e.source.padEnd(10)}  ${e.kind.padEnd(10)}  ${e.title}${note}\n`);
        }
        ctx.io.out(`${entries.length} files\n`);
        for (const sk of skipped ?? [])
          if (sk.total)
            ctx.io.out(
              `${sk.source}: ${sk.total} skipped (` +
                `${sk.reasons.map((r) => `${r.count} ${SKIP_REASON_LABELS[r.reason]}`).join(', ')})\n`,
            );
        return undefined;
      }),
    );

  library
    .command('add')
    .description('Clone a Git repository as a library source (it overrides earlier sources at the same paths).')
    .argument('<name>', 'source name: lowercase letters, digits, ".", "_" or "-"')
    .argument('<url>', 'https://, ssh://, user@host:path or file:// URL (no credentials in it)')
    .option('--branch <branch>', 'branch to follow (default: the remote default branch)')
    .option('--ssh-key <path>', 'private key file for SSH (only this key is offered)')
    .option(
      '--token-env <VAR>',
      'read the HTTPS token from this environment variable (its name is saved, never the token)',
    )
    .option('--ask-token', 'prompt for the HTTPS token (read from standard input) and store it encrypted')
    .option('--accept-host-key', 'trust the SSH server key on first use (its fingerprint is printed)')
    .option('--json', 'print the source as JSON')
    .action(
      (
        name: string,
        url: string,
        opts: {
          branch?: string;
          sshKey?: string;
          tokenEnv?: string;
          askToken?: boolean;
          acceptHostKey?: boolean;
          json?: boolean;
        },
      ) =>
        run('library add', opts, async (ctx) => {
          const token = opts.askToken ? await readSecretLine(`Token for ${url}: `) : undefined;
          const stop = cancelOnInterrupt(ctx);
          try {
            const info = await ctx.call('sources:add', {
              name,
              url,
              ...(opts.branch ? { branch: opts.branch } : {}),
              ...(opts.sshKey ? { sshKey: path.resolve(opts.sshKey) } : {}),
              ...(opts.tokenEnv ? { tokenEnv: opts.tokenEnv } : {}),
              ...(token ? { token } : {}),
              ...(opts.acceptHostKey ? { acceptHostKey: true } : {}),
            });
            if (ctx.flags.json) return info;
            ctx.io.out(`Added ${info.name}: ${info.url} (${info.branch} @ ${short(info.commit)}).\n`);
            printContentCheck(ctx, info.name, info.findings, info.needsApproval);
            return undefined;
          } finally {
            stop();
          }
        }),
    );

  library
    .command('remove')
    .description('Remove a source; its folder (with any local edits) is moved to state/backups.')
    .argument('<name>')
    .option('--json', 'print the result as JSON')
    .action((name: string, opts: { json?: boolean }) =>
      run('library remove', opts, async (ctx) => {
        const r = await ctx.call('sources:remove', { name });
        if (ctx.flags.json) return r;
        ctx.io.out(`Removed ${r.removed}; its folder is in state/backups/sources.\n`);
        return undefined;
      }),
    );

  library
    .command('status')
    .description('Each source: URL, branch, commit, behind/ahead, pin, last update, local edits and conflicts.')
    .option('--json', 'print the sources as JSON')
    .action((opts: { json?: boolean }) =>
      run('library status', opts, async (ctx) => {
        const { sources } = await ctx.call('sources:list', {});
        if (ctx.flags.json) return sources;
        printStatus(ctx, sources);
        return undefined;
      }),
    );

  library
    .command('update')
    .description('Fetch and fast-forward one source (or all), keeping local edits; prints what changed.')
    .argument('[name]')
    .option('--json', 'print {source, from, to, commits, files {added, modified, deleted}} as JSON')
    .action((name: string | undefined, opts: { json?: boolean }) =>
      run('library update', opts, async (ctx) => {
        const stop = cancelOnInterrupt(ctx);
        try {
          const { results } = await ctx.call('sources:update', name ? { name } : {});
          if (ctx.flags.json) printJson(ctx.io, name ? results[0] : results);
          else for (const r of results) printResult(ctx, r);
          if (results.some((r) => r.status === 'failed')) throw new ReportedFailure();
          return undefined;
        } finally {
          stop();
        }
      }),
    );

  library
    .command('log')
    .description('The versions of a source: * in use, + upstream but not yet in use.')
    .argument('[name]', 'source (default: the last one added)')
    .option('-n, --limit <n>', 'how many commits', '50')
    .option('--json', 'print the entries as JSON')
    .action((name: string | undefined, opts: { json?: boolean; limit: string }) =>
      run('library log', opts, async (ctx) => {
        const target = name ?? (await ctx.call('sources:list', {})).sources.at(-1)?.name ?? 'starter';
        const log = await ctx.call('sources:log', {
          name: target,
          limit: Math.max(1, Math.min(1000, Number(opts.limit) || 50)),
        });
        if (ctx.flags.json) return log;
        for (const e of log.entries)
          ctx.io.out(
            `${e.current ? '*' : e.incoming ? '+' : ' '} ${short(e.hash)}  ` +
              `${e.date.slice(0, 10)}  ${e.author}: ${e.subject}\n`,
          );
        return undefined;
      }),
    );

  const versionCommand = (cmd: string, description: string, channel: 'sources:rollback' | 'sources:rollforward') =>
    library
      .command(cmd)
      .description(description)
      .argument('[name]', 'source (default: the last one added)')
      .option('--json', 'print the result as JSON')
      .action((name: string | undefined, opts: { json?: boolean }) =>
        run(`library ${cmd}`, opts, async (ctx) => {
          const target =
            name ?? (await ctx.call('sources:list', {})).sources.filter((s) => s.kind === 'git').at(-1)?.name;
          if (!target)
            throw new AppError(
              'NOT_FOUND',
              'There is no Git source.',
              'Add one with `ai-config library add NAME URL`.',
            );
          const r = await ctx.call(channel, { name: target });
          if (ctx.flags.json) return r;
          printResult(ctx, r);
          return undefined;
        }),
      );
  versionCommand('rollback', 'Go back to the previous version of a source in one step.', 'sources:rollback');
  versionCommand('rollforward', 'Undo a rollback: go forward to the next version.', 'sources:rollforward');

  library
    .command('pin')
    .description('Pin a source to a commit or tag; updates stop there until unpinned.')
    .argument('<name>')
    .argument('<ref>', 'commit, tag or branch')
    .option('--json', 'print the result as JSON')
    .action((name: string, ref: string, opts: { json?: boolean }) =>
      run('library pin', opts, async (ctx) => {
        const r = await ctx.call('sources:pin', { name, ref });
        if (ctx.flags.json) return r;
        printResult(ctx, r);
        return undefined;
      }),
    );

  library
    .command('unpin')
    .description('Let updates move a pinned source again (the next update fast-forwards it).')
    .argument('<name>')
    .option('--json', 'print the source as JSON')
    .action((name: string, opts: { json?: boolean }) =>
      run('library unpin', opts, async (ctx) => {
        const info = await ctx.call('sources:unpin', { name });
        if (ctx.flags.json) return info;
        ctx.io.out(
          `${name} is no longer pinned; run \`ai-config library update ${name}\` to move to the latest version.\n`,
        );
        return undefined;
      }),
    );

  library
    .command('diff')
    .description("Show a file's diff: between two versions, or (without --from/--to) upstream -> your local edit.")
    .argument('<name>')
    .argument('<path>')
    .option('--from <ref>')
    .option('--to <ref>')
    .option('--json', 'print {diff} as JSON')
    .action((name: string, file: string, opts: { json?: boolean; from?: string; to?: string }) =>
      run('library diff', opts, async (ctx) => {
        const r = await ctx.call('sources:diff', {
          name,
          path: file,
          ...(opts.from ? { from: opts.from } : {}),
          ...(opts.to ? { to: opts.to } : {}),
        });
        if (ctx.flags.json) return r;
        ctx.io.out(r.diff || '(no difference)\n');
        return undefined;
      }),
    );

  library
    .command('resolve')
    .description(
      'Resolve a conflict left by an update: keep mine (your edit) or take theirs (upstream; yours is backed up).',
    )
    .argument('<name>')
    .argument('<path>')
    .argument('<choice>', 'mine or theirs')
    .option('--json', 'print the source as JSON')
    .action((name: string, file: string, choice: string, opts: { json?: boolean }) =>
      run('library resolve', opts, async (ctx) => {
        if (choice !== 'mine' && choice !== 'theirs')
          throw new UsageError(`choice must be "mine" or "theirs", not "${choice}"`);
        const info = await ctx.call('sources:resolve', { name, path: file, choice });
        if (ctx.flags.json) return info;
        ctx.io.out(`Resolved ${name}/${file} (${choice}); ${info.conflicts.length} conflict(s) left.\n`);
        return undefined;
      }),
    );

  library
    .command('ignore')
    .description(
      "Show a source's ignore list, add a gitignore-like pattern to it (docs/**, *.draft.md), or remove one " +
        '(--remove); the source is reindexed.',
    )
    .argument('<name>', 'source name')
    .argument('[pattern]', 'pattern relative to the source folder (omit to list the patterns)')
    .option('--remove', 'remove the pattern instead of adding it')
    .option('--json', 'print the ignore list as JSON')
    .action((name: string, pattern: string | undefined, opts: { remove?: boolean; json?: boolean }) =>
      run('library ignore', opts, async (ctx) => {
        if (pattern === undefined) {
          if (opts.remove) throw new UsageError('--remove needs the pattern to remove');
          const { sources } = await ctx.call('sources:list', {});
          const s = sources.find((x) => x.name === name);
          if (!s)
            throw new AppError('NOT_FOUND', `There is no source named "${name}".`, 'See `ai-config library status`.');
          const result = { source: name, ignore: s.ignore ?? [], changed: false };
          if (ctx.flags.json) return result;
          ctx.io.out(result.ignore.length ? `${result.ignore.join('\n')}\n` : `${name} ignores nothing.\n`);
          return undefined;
        }
        const r = await ctx.call('sources:ignore', { name, pattern, ...(opts.remove ? { remove: true } : {}) });
        if (ctx.flags.json) return r;
        const verb = opts.remove
          ? r.changed
            ? 'Removed'
            : 'Not in the list:'
          : r.changed
            ? 'Added'
            : 'Already listed:';
        ctx.io.out(`${verb} ${pattern} (${name} ignores ${r.ignore.length} pattern(s)).\n`);
        return undefined;
      }),
    );
  return library;
}
