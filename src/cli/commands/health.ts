import path from 'node:path';
import type { Command } from 'commander';
import type { HealthReport, LogLine, RepairReport } from '../../shared/ipc/channels/health';
import { lineKey, msBefore } from '../../shared/logs';
import type { CommandRunner } from '../command';
import type { CommandContext } from '../context';
import { EXIT, UsageError, type Io } from '../output';

const MARK = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' } as const;
const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

function printReport(io: Io, report: HealthReport): void {
  for (const c of report.checks) {
    io.out(`${MARK[c.status]}  ${c.title}\n      ${c.explanation}\n`);
    if (c.fix && c.status !== 'ok') io.out(`      fix: ${c.fix.title} (\`ai-config doctor --fix\`)\n`);
  }
  const n = (s: string) => report.checks.filter((c) => c.status === s).length;
  io.out(`\n${n('ok')} ok, ${n('warn')} warning${n('warn') === 1 ? '' : 's'}, ${n('fail')} failed\n`);
}

function printRepair(io: Io, r: RepairReport): void {
  io.out(`${r.outcome.toUpperCase()}  ${r.title}${r.target ? ` (${r.target})` : ''}\n`);
  for (const a of r.actions) io.out(`      - ${a}\n`);
  if (r.backup) io.out(`      backup: ${r.backup}\n`);
}

/** One log line as text: time, level, component, message, correlation id and fields. */
export function formatLogLine(l: LogLine): string {
  const fields = l.fields && Object.keys(l.fields).length ? ` ${JSON.stringify(l.fields)}` : '';
  const correlation = l.correlationId ? ` [${l.correlationId}]` : '';
  return `${l.time} ${l.level.toUpperCase().padEnd(5)} ${l.component.padEnd(8)} ${l.msg}${correlation}${fields}\n`;
}

/**
 * Prints new log lines as they are written (polling the log through the router) until `signal` aborts.
 * Resolves when stopped.
 */
export async function followLogs(
  ctx: CommandContext,
  query: { level?: Level; after?: string; shown?: ReadonlyArray<LogLine> },
  signal: AbortSignal,
  intervalMs = 500,
): Promise<void> {
  let after = query.after;
  // Lines written in the same millisecond as the last one shown: ask from 1 ms earlier and skip what was printed.
  let printed = new Set((query.shown ?? []).map(lineKey));
  while (!signal.aborted) {
    const { lines } = await ctx.call('logs:query', {
      ...(query.level ? { level: query.level } : {}),
      ...(after ? { after: msBefore(after) } : {}),
      limit: 1000,
    });
    const fresh = lines.filter((l) => !printed.has(lineKey(l)));
    for (const l of fresh) ctx.io.out(ctx.flags.json ? JSON.stringify(l) + '\n' : formatLogLine(l));
    if (fresh.length) {
      after = fresh[fresh.length - 1]!.time;
      printed = new Set(lines.filter((l) => l.time >= msBefore(after!)).map(lineKey));
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, intervalMs);
      signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }
}

export function registerHealth(program: Command, run: CommandRunner): void {
  program
    .command('health')
    .description(
      'Check git, library sources, settings, history, index, disk, permissions, sync conflicts and speed. ' +
        'Exits 1 when a check fails.',
    )
    .option('--json', 'print the report as JSON')
    .option('--only <ids...>', 'run only these checks (e.g. git source settings)')
    .action((opts: { json?: boolean; only?: string[] }) =>
      run('health', opts, async (ctx) => {
        const report = await ctx.call('health:check', opts.only ? { only: opts.only } : {});
        if (report.status === 'fail') ctx.exitCode = EXIT.failure;
        if (ctx.flags.json) return report;
        printReport(ctx.io, report);
        return undefined;
      }),
    );

  program
    .command('doctor')
    .description(
      'Run the health checks and, with --fix, the repairs they offer (each backs up what it touches first). ' +
        'Exits 1 when a check still fails.',
    )
    .option('--fix', 'run the repairs')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean; fix?: boolean }) =>
      run('doctor', opts, async (ctx) => {
        const result = await ctx.call('health:doctor', { fix: !!opts.fix });
        if (result.after.status === 'fail') ctx.exitCode = EXIT.failure;
        if (ctx.flags.json) return result;
        if (!opts.fix) {
          printReport(ctx.io, result.before);
          const fixable = result.before.checks.filter((c) => c.status !== 'ok' && c.fix).length;
          if (fixable)
            ctx.io.out(
              `${fixable} problem${fixable === 1 ? '' : 's'} can be repaired: run \`ai-config doctor --fix\`.\n`,
            );
          return undefined;
        }
        if (!result.repairs.length) ctx.io.out('Nothing to repair.\n\n');
        for (const r of result.repairs) printRepair(ctx.io, r);
        if (result.repairs.length) ctx.io.out('\nAfter the repairs:\n');
        printReport(ctx.io, result.after);
        return undefined;
      }),
    );

  program
    .command('logs')
    .description('Show the structured log (newest last); --follow keeps printing new lines until Ctrl+C.')
    .option('--level <level>', `minimum level: ${LEVELS.join(', ')}`)
    .option('--component <name>', 'only this component (cli, ipc, host, ...)')
    .option('--correlation <id>', 'only lines of this operation')
    .option('--grep <text>', 'only lines containing this text')
    .option('-n, --lines <n>', 'how many lines', '100')
    .option('-f, --follow', 'keep printing new lines')
    .option('--json', 'print JSON lines')
    .action(
      (opts: {
        json?: boolean;
        level?: string;
        component?: string;
        correlation?: string;
        grep?: string;
        lines: string;
        follow?: boolean;
      }) =>
        run('logs', opts, async (ctx) => {
          if (opts.level && !(LEVELS as ReadonlyArray<string>).includes(opts.level))
            throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
          const limit = Number(opts.lines);
          if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
            throw new UsageError('--lines must be a whole number from 1 to 5000');
          const level = opts.level as Level | undefined;
          const { lines } = await ctx.call('logs:query', {
            limit,
            ...(level ? { level } : {}),
            ...(opts.component ? { component: opts.component } : {}),
            ...(opts.correlation ? { correlationId: opts.correlation } : {}),
            ...(opts.grep ? { text: opts.grep } : {}),
          });
          if (ctx.flags.json && !opts.follow) return lines;
          for (const l of lines) ctx.io.out(ctx.flags.json ? JSON.stringify(l) + '\n' : formatLogLine(l));
          if (opts.follow) {
            const stop = new AbortController();
            const onSignal = () => stop.abort();
            process.once('SIGINT', onSignal);
            process.once('SIGTERM', onSignal);
            try {
              await followLogs(
                ctx,
                {
                  ...(level ? { level } : {}),
                  shown: lines,
                  ...(lines.length ? { after: lines[lines.length - 1]!.time } : { after: new Date().toISOString() }),
                },
                stop.signal,
              );
            } finally {
              process.off('SIGINT', onSignal);
              process.off('SIGTERM', onSignal);
            }
          }
          return undefined;
        }),
    );

  program
    .command('diagnostics')
    .argument('<file>', 'where to write the bundle (JSON)')
    .description(
      'Write a redacted support bundle (versions, settings, health, recent logs, audit, metrics) to FILE. ' +
        'Nothing is sent anywhere.',
    )
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { json?: boolean; force?: boolean }) =>
      run('diagnostics', opts, async (ctx) => {
        const result = await ctx.call('diagnostics:write', {
          file: path.resolve(file),
          ...(opts.force ? { overwrite: true } : {}),
        });
        if (ctx.flags.json) return result;
        ctx.io.out(`Wrote ${result.file} (${result.bytes} bytes). Secrets are redacted; review it before sharing.\n`);
        return undefined;
      }),
    );
}
