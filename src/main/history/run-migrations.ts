import type { MigrationReport } from '../../shared/ipc/channels/history';
import type { OperationContext } from '../context';
import { writeDurable } from './durable-write';
import { backupPathFor, pendingMigrations, reportOf, type MigrationRegistry } from './migrations';

export interface RunMigrationsOptions {
  readonly registry: MigrationRegistry;
  readonly backupsDir: string;
  readonly now: Date;
  readonly dryRun: boolean;
  readonly ctx: OperationContext;
  /** Takes a version of the given files (before and after the migration). */
  readonly snapshot: (phase: 'before' | 'after', files: ReadonlyArray<string>) => Promise<unknown>;
}

/**
 * Migrates every registered file that is behind: a history version and a copy in `state/backups/migrations`
 * first, then each file rewritten atomically, then a version after. A dry run only reports.
 */
export async function runMigrations(o: RunMigrationsOptions): Promise<MigrationReport> {
  const pending = pendingMigrations(o.registry);
  if (o.dryRun || !pending.length) {
    const message = pending.length
      ? `${pending.length} file${pending.length === 1 ? '' : 's'} would be migrated.`
      : 'Every file is at its current schema version; nothing to migrate.';
    return { dryRun: o.dryRun, files: pending.map((p) => reportOf(p)), message };
  }
  const files = pending.map((p) => p.file);
  await o.snapshot('before', files);
  const stamp = o.now.toISOString().replace(/[:.]/g, '-');
  const report = [];
  for (const [i, p] of pending.entries()) {
    o.ctx.progress({ phase: `Migrating ${p.file}`, percent: Math.round((i / pending.length) * 100) });
    const backup = backupPathFor(o.backupsDir, p, stamp);
    await writeDurable(backup, Buffer.from(p.text), 'file');
    await writeDurable(p.file, Buffer.from(p.newText), 'file');
    report.push(reportOf(p, backup));
  }
  await o.snapshot('after', files);
  o.ctx.progress({ phase: 'Done', done: true });
  return {
    dryRun: false,
    files: report,
    message:
      `Migrated ${report.length} file${report.length === 1 ? '' : 's'}; ` +
      `copies of the old ones are in ${o.backupsDir}.`,
  };
}
