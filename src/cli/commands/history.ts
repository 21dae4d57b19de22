import path from 'node:path';
import type { Command } from 'commander';
import type { RollbackResult } from '../../shared/ipc/channels/history';
import { AppError } from '../../shared/errors';
import type { CommandRunner } from '../command';
import type { CommandContext } from '../context';
import { UsageError } from '../output';

const VERSION_LIKE = /^([0-9a-f]{4,40}|HEAD([~^]\d*)*)$/;

function printRollback(ctx: CommandContext, r: RollbackResult): void {
  for (const c of r.changes) ctx.io.out(`  ${c.action === 'write' ? 'restore' : 'delete '}  ${c.path}\n`);
  ctx.io.out(`${r.message}\n`);
  for (const w of r.warnings ?? []) ctx.io.err(`warning: ${w.message}\n  hint: ${w.hint}\n`);
}

/** `history`, `diff`, `rollback`, `snapshot`: the timeline of the personal workspace and tool files. */
export function registerHistory(program: Command, run: CommandRunner): void {
  program
    .command('history [path]')
    .description(
      'Show the timeline of versions (newest first): id, date, operation, message, files. ' +
        "PATH limits it to one file (workspace-relative, or a tool file's absolute path).",
    )
    .option('--operation <op>', 'only versions of this operation (e.g. history.rollback, agent)')
    .option('--limit <n>', 'at most N versions', '50')
    .option('--json', 'print the versions as JSON')
    .action((p: string | undefined, opts: { json?: boolean; operation?: string; limit: string }) =>
      run('history', opts, async (ctx) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new UsageError(`--limit must be a whole number of at least 1, not "${opts.limit}".`);
        const { versions } = await ctx.call('history:list', {
          ...(p ? { path: p } : {}),
          ...(opts.operation ? { operation: opts.operation } : {}),
          limit,
        });
        if (ctx.flags.json) return versions;
        if (!versions.length) ctx.io.out('No versions yet.\n');
        for (const v of versions) {
          ctx.io.out(
            `${v.shortId}  ${v.date.replace('T', ' ').slice(0, 19)}  ${v.operation} (${v.phase})  ${v.message}\n`,
          );
          for (const f of v.files.slice(0, 10)) ctx.io.out(`      ${f.status[0]!.toUpperCase()} ${f.path}\n`);
          if (v.filesChanged > 10) ctx.io.out(`      … and ${v.filesChanged - 10} more\n`);
        }
        return undefined;
      }),
    );

  program
    .command('diff <version> [version2] [path]')
    .description(
      'Show what changed between VERSION and VERSION2 (or the files as they are now), ' +
        'for the whole workspace or one PATH.',
    )
    .option('--json', 'print both sides of each file and the patch as JSON')
    .action((from: string, second: string | undefined, third: string | undefined, opts: { json?: boolean }) =>
      run('diff', opts, async (ctx) => {
        const [to, p] =
          third !== undefined
            ? [second, third]
            : second !== undefined && VERSION_LIKE.test(second)
              ? [second, undefined]
              : [undefined, second];
        const d = await ctx.call('history:diff', { from, ...(to ? { to } : {}), ...(p ? { path: p } : {}) });
        if (ctx.flags.json) return d;
        ctx.io.out(d.patch || 'No differences.\n');
        return undefined;
      }),
    );

  program
    .command('rollback <version> [path]')
    .description(
      'Restore everything (or one PATH: a file or folder) to VERSION. ' +
        'The rollback is a new version, so it can be undone.',
    )
    .option('--dry-run', 'only list what would change')
    .option('--json', 'print the result as JSON')
    .action((version: string, p: string | undefined, opts: { json?: boolean; dryRun?: boolean }) =>
      run('rollback', opts, async (ctx) => {
        const r = await ctx.call('history:rollback', {
          version,
          ...(p ? { path: p } : {}),
          ...(opts.dryRun ? { dryRun: true } : {}),
        });
        if (ctx.flags.json) return r;
        printRollback(ctx, r);
        return undefined;
      }),
    );

  program
    .command('snapshot')
    .description('Record the workspace as a new version now (e.g. before editing files by hand).')
    .option('-m, --message <text>', 'what this version is for')
    .option('--json', 'print the version as JSON')
    .action((opts: { json?: boolean; message?: string }) =>
      run('snapshot', opts, async (ctx) => {
        const r = await ctx.call('history:snapshot', opts.message ? { message: opts.message } : {});
        if (ctx.flags.json) return r;
        ctx.io.out(
          r.changed
            ? `Recorded version ${r.version!.slice(0, 10)}.\n`
            : `Nothing changed since version ${r.version?.slice(0, 10) ?? '(none)'}.\n`,
        );
        return undefined;
      }),
    );

  program
    .command('migrate')
    .description(
      'Bring settings (and other versioned files) up to the current schema version, after a backup. ' +
        'A newer file is refused, never downgraded.',
    )
    .option('--dry-run', 'only report what would change')
    .option('--json', 'print the report as JSON')
    .action((opts: { json?: boolean; dryRun?: boolean }) =>
      run('migrate', opts, async (ctx) => {
        const r = await ctx.call('history:migrate', { dryRun: !!opts.dryRun });
        if (ctx.flags.json) return r;
        for (const f of r.files) {
          ctx.io.out(
            `${f.file}: ${f.kind} schemaVersion ${f.from} → ${f.to}${f.backup ? ` (old copy: ${f.backup})` : ''}\n`,
          );
          for (const c of f.changes) ctx.io.out(`  - ${c}\n`);
        }
        ctx.io.out(`${r.message}\n`);
        return undefined;
      }),
    );

  registerBackup(program, run);
}

function registerBackup(program: Command, run: CommandRunner): void {
  const backup = program.command('backup').description('Check, export, import and thin the history store.');
  backup
    .command('verify')
    .description('Check the history store (git fsck and re-hashing every stored file) and name any damaged versions.')
    .option('--json', 'print the report as JSON')
    .action((opts: { json?: boolean }) =>
      run('backup verify', opts, async (ctx) => {
        const r = await ctx.call('history:verify', {});
        if (!ctx.flags.json) {
          ctx.io.out(`${r.versions} versions, ${r.objectsChecked} stored files re-hashed.\n`);
          for (const p of r.problems) ctx.io.out(`  problem: ${p}\n`);
          for (const v of r.corruptVersions)
            ctx.io.out(`  damaged version ${v.id.slice(0, 10)} (${v.date}, ${v.operation}): ${v.objects.join(', ')}\n`);
          ctx.io.out(r.ok ? 'The history is intact.\n' : '');
        }
        if (!r.ok) {
          if (ctx.flags.json) ctx.io.out(JSON.stringify(r, null, 2) + '\n');
          throw new AppError(
            'INVALID_FILE',
            `The history store is damaged: ${r.corruptVersions.length} version(s) affected.`,
            'Restore it from a backup with `ai-config backup import FILE`; the damaged versions are listed above.',
          );
        }
        return r;
      }),
    );
  backup
    .command('export <file>')
    .description('Write the whole history to FILE (a portable git bundle).')
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { json?: boolean; force?: boolean }) =>
      run('backup export', opts, async (ctx) => {
        const r = await ctx.call('history:export', {
          file: path.resolve(file),
          ...(opts.force ? { overwrite: true } : {}),
        });
        if (!ctx.flags.json) ctx.io.out(`Exported ${r.versions} versions (${r.bytes} bytes) to ${r.file}.\n`);
        return r;
      }),
    );
  backup
    .command('import <file>')
    .description(
      'Restore a history exported with `backup export` (e.g. on another machine) and put its newest files in place.',
    )
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { json?: boolean }) =>
      run('backup import', opts, async (ctx) => {
        const r = await ctx.call('history:import', { file: path.resolve(file) });
        if (ctx.flags.json) return r;
        ctx.io.out(`Imported ${r.versions} versions from ${r.file}.\n`);
        printRollback(ctx, r.restored);
        for (const f of r.refused ?? []) ctx.io.out(`  refused  ${f.path}: ${f.reason}\n`);
        return undefined;
      }),
    );
  backup
    .command('prune')
    .description(
      'Apply the retention policy: every version for N days (settings history.retentionDays), then one a day.',
    )
    .option('--days <n>', 'keep every version of the last N days (default: from settings)')
    .option('--dry-run', 'only count what would be removed')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean; dryRun?: boolean; days?: string }) =>
      run('backup prune', opts, async (ctx) => {
        const days = opts.days === undefined ? undefined : Number(opts.days);
        if (days !== undefined && (!Number.isInteger(days) || days < 1))
          throw new UsageError(`--days must be a whole number of at least 1, not "${opts.days}".`);
        const r = await ctx.call('history:prune', {
          ...(opts.dryRun ? { dryRun: true } : {}),
          ...(days ? { retentionDays: days } : {}),
        });
        if (!ctx.flags.json)
          ctx.io.out(
            `${r.dryRun ? 'Would keep' : 'Kept'} ${r.kept} versions and ` +
              `${r.dryRun ? 'remove' : 'removed'} ${r.removed} ` +
              `(everything from the last ${r.retentionDays} days, one a day before that).\n`,
          );
        return r;
      }),
    );
}
