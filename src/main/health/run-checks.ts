import type { CheckResult, CheckStatus, HealthReport } from '../../shared/ipc/channels/health';
import type { Check, HealthContext } from './types';

/** The worst of several statuses. */
export function worstStatus(statuses: ReadonlyArray<CheckStatus>): CheckStatus {
  return statuses.includes('fail') ? 'fail' : statuses.includes('warn') ? 'warn' : 'ok';
}

/** Runs checks concurrently; a check that throws is reported as failed, never breaks the report. */
export async function runChecks(checks: ReadonlyArray<Check>, ctx: HealthContext): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async (check): Promise<CheckResult> => {
      const started = performance.now();
      try {
        const out = await check.run(ctx);
        return { id: check.id, title: check.title, ...out, durationMs: Math.round(performance.now() - started) };
      } catch (e) {
        ctx.logger.error('health check crashed', {
          check: check.id,
          error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e),
        });
        return {
          id: check.id,
          title: check.title,
          status: 'fail',
          explanation:
            `The check itself failed: ${e instanceof Error ? e.message : String(e)}. ` + 'See the log for details.',
          durationMs: Math.round(performance.now() - started),
        };
      }
    }),
  );
  return { time: ctx.now().toISOString(), status: worstStatus(results.map((r) => r.status)), checks: results };
}
