import fs from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../../shared/errors';
import type { CheckStatus } from '../../../shared/ipc/channels/health';
import type { SourceSettings } from '../../../shared/settings';
import { git } from '../../git/core';
import type { Check, CheckOutcome, CheckProvider, HealthContext } from '../types';
import { readableSettings } from './util';

const worst = (a: CheckStatus, b: CheckStatus): CheckStatus =>
  a === 'fail' || b === 'fail' ? 'fail' : a === 'warn' || b === 'warn' ? 'warn' : 'ok';

function gitError(e: unknown): string {
  if (!isAppError(e)) return String(e);
  const stderr = (e.details as { stderr?: string } | undefined)?.stderr;
  return stderr ? stderr.split('\n').filter(Boolean).slice(0, 2).join(' ') : e.message;
}

/** One library source: its folder is a healthy Git clone, its remote answers, and how far behind it is. */
export async function checkSource(ctx: HealthContext, source: SourceSettings): Promise<CheckOutcome> {
  const dir = ctx.paths.sourceDir(source.name);
  const reclone = ctx.hasRepair('reclone-source')
    ? { fix: { id: 'reclone-source', title: `Re-clone "${source.name}" (keeping local edits)`, target: source.name } }
    : {};
  if (!fs.existsSync(dir))
    return {
      status: 'fail',
      explanation: `The folder ${dir} is missing, so the "${source.name}" files are not available.`,
      ...reclone,
    };
  if (!fs.existsSync(path.join(dir, '.git')))
    return {
      status: 'fail',
      explanation: `${dir} is not a Git clone (no .git folder); it cannot be updated or rolled back.`,
      ...reclone,
    };
  const run = (args: string[], operation: string, extra: { signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {}) =>
    git(args, { cwd: dir, operation, logger: ctx.logger, ...extra });
  try {
    await run(['fsck', '--no-progress', '--no-dangling'], 'source fsck');
  } catch (e) {
    return {
      status: 'fail',
      explanation: `${dir} is damaged (git fsck: ${gitError(e)}). Updates and rollbacks may fail or lose files.`,
      ...reclone,
    };
  }
  let head: string;
  try {
    head = (await run(['rev-parse', 'HEAD'], 'source head')).stdout.trim();
  } catch (e) {
    return { status: 'fail', explanation: `${dir} has no readable current version (${gitError(e)}).`, ...reclone };
  }
  if (source.kind === 'starter')
    return { status: 'ok', explanation: `The built-in starter library at ${dir} is intact (at ${head.slice(0, 10)}).` };

  const parts: string[] = [`${dir} is intact (at ${head.slice(0, 10)}).`];
  let status: CheckStatus = 'ok';
  const ref = source.branch ?? 'HEAD';
  let remoteSha: string | undefined;
  const signal = AbortSignal.timeout(ctx.thresholds.remoteTimeoutMs);
  try {
    const env = ctx.remoteEnv?.(source);
    const out = (
      await run(['-c', 'credential.helper=', 'ls-remote', '--', 'origin', ref], 'source ls-remote', {
        signal,
        ...(env ? { env } : {}),
      })
    ).stdout;
    remoteSha = out
      .split('\n')
      .map((l) => l.split('\t'))
      .find((c) => c[1] === ref || c[1] === `refs/heads/${ref}`)?.[0];
    if (!remoteSha) {
      status = worst(status, 'warn');
      parts.push(`The remote has no branch "${ref}"; check the branch in the source settings.`);
    }
  } catch (e) {
    status = worst(status, 'warn');
    if (isAppError(e) && e.code === 'AUTH_FAILED') {
      parts.push(`The remote refused the credentials (${gitError(e)}). ${e.hint}`);
    } else {
      const why =
        isAppError(e) && e.code === 'CANCELLED'
          ? `it did not answer within ${ctx.thresholds.remoteTimeoutMs / 1000} s`
          : gitError(e);
      parts.push(
        `The remote could not be reached (${why}); ` +
          'the local copy keeps working, but updates will wait until it can be reached.',
      );
    }
  }
  if (remoteSha && remoteSha !== head) {
    let known = true;
    try {
      await run(['cat-file', '-e', `${remoteSha}^{commit}`], 'source has commit');
    } catch {
      known = false;
    }
    if (known) {
      const behind = Number((await run(['rev-list', '--count', `HEAD..${remoteSha}`], 'source behind')).stdout.trim());
      if (behind > 0) {
        status = worst(status, source.pinned ? 'ok' : 'warn');
        const next = source.pinned
          ? ` (pinned to ${source.pinned}, so that is expected)`
          : '; run `ai-config library update` to catch up';
        parts.push(`${behind} commit${behind === 1 ? '' : 's'} behind the remote${next}.`);
      } else {
        parts.push('Ahead of or level with the remote.');
      }
    } else {
      status = worst(status, source.pinned ? 'ok' : 'warn');
      const next = source.pinned ? `; pinned to ${source.pinned}` : '; run `ai-config library update` to fetch them';
      parts.push(`The remote has newer commits than this copy (${remoteSha.slice(0, 10)})${next}.`);
    }
  } else if (remoteSha) {
    parts.push('Up to date with the remote.');
  }
  return { status, explanation: parts.join(' ') };
}

/** One check per configured library source. */
export const sourceChecks: CheckProvider = (ctx) => {
  const settings = readableSettings(ctx);
  return (settings?.sources ?? []).map((source): Check => ({
    id: `source:${source.name}`,
    title: `Library source "${source.name}"`,
    run: (c) => checkSource(c, source),
  }));
};
