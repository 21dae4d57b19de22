import type { Command } from 'commander';
import { SYNC_PROVIDERS, type SyncProviderKind } from '../../shared/sync';
import type { CommandRunner } from '../command';
import { UsageError } from '../output';

/** `ai-config sync detect|setup|status|conflicts|resolve|disconnect`. */
export function registerSync(program: Command, run: CommandRunner): Command {
  const sync = program
    .command('sync')
    .description('Share the personal workspace through Syncthing, Nextcloud, Dropbox or a shared folder.');

  sync
    .command('detect')
    .description('Find Syncthing, Nextcloud, Dropbox on this machine and the folders they sync.')
    .option('--syncthing-config <file>', 'Syncthing config.xml to read instead of the standard places')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean; syncthingConfig?: string }) =>
      run('sync detect', opts, async (ctx) => {
        const { providers } = await ctx.call(
          'sync:detect',
          opts.syncthingConfig ? { syncthingConfig: opts.syncthingConfig } : {},
        );
        if (ctx.flags.json) return providers;
        for (const p of providers) {
          ctx.io.out(`${p.found ? '✓' : '-'} ${p.provider.padEnd(10)} ${p.summary}\n`);
          if (p.deviceId) ctx.io.out(`    device ID: ${p.deviceId}\n`);
          for (const r of p.roots) ctx.io.out(`    ${r.label}: ${r.path}\n`);
          if (p.suggestedPath) ctx.io.out(`    suggested folder: ${p.suggestedPath}\n`);
          if (p.hint) ctx.io.out(`    hint: ${p.hint}\n`);
        }
        return undefined;
      }),
    );

  sync
    .command('setup')
    .description(
      'Move the personal workspace into a sync folder: copy, verify hashes, switch, write ignore rules, share, verify.',
    )
    .requiredOption('--provider <name>', `one of ${SYNC_PROVIDERS.join(', ')}`)
    .option('--path <dir>', "the folder to move the workspace into (default: the provider's suggestion)")
    .option('--syncthing-config <file>', 'Syncthing config.xml (default: its standard places)')
    .option('--device <id>', 'Syncthing device ID of the other machine to share with')
    .option('--device-address <url>', 'address of that device, e.g. tcp://192.168.1.20:22000 (default: discovery)')
    .option('--folder-id <id>', 'Syncthing folder ID (the same on every machine)', undefined)
    .option('--verify-timeout <seconds>', 'how long to watch the probe file reach the other device', undefined)
    .option('--adopt-existing', 'move into a folder that already holds files (they are kept and never removed)')
    .option('--json', 'print the result as JSON')
    .action(
      (opts: {
        json?: boolean;
        provider: string;
        path?: string;
        syncthingConfig?: string;
        device?: string;
        deviceAddress?: string;
        folderId?: string;
        verifyTimeout?: string;
        adoptExisting?: boolean;
      }) =>
        run('sync setup', opts, async (ctx) => {
          if (!(SYNC_PROVIDERS as ReadonlyArray<string>).includes(opts.provider))
            throw new UsageError(`--provider must be one of ${SYNC_PROVIDERS.join(', ')}`);
          const timeout = opts.verifyTimeout === undefined ? undefined : Number(opts.verifyTimeout);
          if (timeout !== undefined && (!Number.isFinite(timeout) || timeout < 0))
            throw new UsageError('--verify-timeout must be a number of seconds');
          const r = await ctx.call('sync:setup', {
            provider: opts.provider as SyncProviderKind,
            ...(opts.path ? { path: opts.path } : {}),
            ...(opts.syncthingConfig ? { syncthingConfig: opts.syncthingConfig } : {}),
            ...(opts.device ? { device: opts.device } : {}),
            ...(opts.deviceAddress ? { deviceAddress: opts.deviceAddress } : {}),
            ...(opts.folderId ? { folderId: opts.folderId } : {}),
            ...(timeout !== undefined ? { verifyTimeoutMs: Math.round(timeout * 1000) } : {}),
            ...(opts.adoptExisting ? { adoptExisting: true } : {}),
          });
          if (ctx.flags.json) return r;
          for (const s of r.steps) ctx.io.out(`${s.ok ? '✓' : '…'} ${s.step.padEnd(8)} ${s.message}\n`);
          ctx.io.out(`${r.message}\n`);
          return undefined;
        }),
    );

  sync
    .command('status')
    .description(
      'Where the personal workspace lives, the provider, folder state and completion, conflicts, incoming changes.',
    )
    .option('--json', 'print the status as JSON')
    .action((opts: { json?: boolean }) =>
      run('sync status', opts, async (ctx) => {
        const s = await ctx.call('sync:status', {});
        if (ctx.flags.json) return s;
        const { io } = ctx;
        io.out(
          s.connected ? `Synced with ${s.provider} since ${s.since}\n` : 'Not synced (run `ai-config sync setup`).\n',
        );
        io.out(`Personal workspace: ${s.personalDir}\n`);
        if (s.ignoreFile) io.out(`Ignore rules: ${s.ignoreFile}\n`);
        if (s.syncthing) {
          const error = s.syncthing.error ? ` (${s.syncthing.error})` : '';
          io.out(`Syncthing folder ${s.syncthing.folderId}: ${s.syncthing.state}${error}\n`);
          for (const c of s.syncthing.completion)
            io.out(`  ${c.deviceId.slice(0, 7)} ${c.connected ? 'connected' : 'offline'} ${c.percent}%\n`);
        }
        if (s.providerProblem) io.out(`Problem: ${s.providerProblem}\n`);
        io.out(`Conflicts: ${s.conflicts}${s.conflicts ? ' (run `ai-config sync conflicts`)' : ''}\n`);
        if (s.incoming.length) io.out(`Changed on other machines: ${s.incoming.map((c) => c.path).join(', ')}\n`);
        return undefined;
      }),
    );

  sync
    .command('conflicts')
    .description('List conflicted copies left by Syncthing, Nextcloud or Dropbox in the personal workspace.')
    .option('--json', 'print the conflicts as JSON')
    .action((opts: { json?: boolean }) =>
      run('sync conflicts', opts, async (ctx) => {
        const { conflicts } = await ctx.call('sync:conflicts', {});
        if (ctx.flags.json) return conflicts;
        if (!conflicts.length) ctx.io.out('No conflicts.\n');
        for (const c of conflicts) {
          const origin = `${c.provider}${c.from ? ` from ${c.from}` : ''}${c.when ? ` at ${c.when}` : ''}`;
          ctx.io.out(
            `${c.path}\n    conflicts with ${c.original}${c.originalExists ? '' : ' (missing)'} · ${origin}\n`,
          );
        }
        return undefined;
      }),
    );

  sync
    .command('resolve')
    .description(
      'Resolve a conflict: keep mine (the file at the original path) or theirs (the conflicted copy); ' +
        'the other side goes to history.',
    )
    .argument('<file>', 'the conflicted copy, relative to the personal workspace (from `sync conflicts`)')
    .requiredOption('--keep <side>', 'mine or theirs')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { json?: boolean; keep: string }) =>
      run('sync resolve', opts, async (ctx) => {
        if (opts.keep !== 'mine' && opts.keep !== 'theirs')
          throw new UsageError('--keep must be mine or theirs (edit by hand in the app)');
        const r = await ctx.call('sync:resolve', { path: file, keep: opts.keep });
        if (ctx.flags.json) return r;
        ctx.io.out(`${r.message}\n`);
        return undefined;
      }),
    );

  sync
    .command('disconnect')
    .description('Move the personal workspace back out of the sync folder (copy, verify, switch).')
    .option('--remove-shared-copy', 'also delete the shared copy (this deletes it on every machine using the share)')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean; removeSharedCopy?: boolean }) =>
      run('sync disconnect', opts, async (ctx) => {
        const r = await ctx.call('sync:disconnect', opts.removeSharedCopy ? { removeSharedCopy: true } : {});
        if (ctx.flags.json) return r;
        ctx.io.out(`${r.message}\n`);
        return undefined;
      }),
    );
  return sync;
}
