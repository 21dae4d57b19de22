import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ExportResult } from '../../shared/ipc/channels/history';
import { TEMP_MARK } from './durable-write';
import { HISTORY_REF, headVersion, type HistoryRepo } from './repo';

async function countVersions(repo: HistoryRepo, ref: string): Promise<number> {
  return Number((await repo.run(['rev-list', '--count', ref], { operation: 'history count' })).stdout.trim());
}

/** Writes the whole history to one portable file (a git bundle), atomically. */
export async function exportBundle(repo: HistoryRepo, file: string): Promise<ExportResult> {
  if (!(await headVersion(repo)))
    throw new AppError(
      'NOT_FOUND',
      'The history is empty: there is nothing to export yet.',
      'Make a change first (or run `ai-config snapshot`).',
    );
  const abs = path.resolve(file);
  await fs.promises.mkdir(path.dirname(abs), { recursive: true });
  const tmp = `${abs}${TEMP_MARK}${process.pid}`;
  try {
    await repo.run(['bundle', 'create', '--quiet', tmp, HISTORY_REF], { operation: 'history bundle' });
    await repo.run(['bundle', 'verify', '--quiet', tmp], { operation: 'history bundle verify' });
    await fs.promises.rename(tmp, abs);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
  return { file: abs, bytes: fs.statSync(abs).size, versions: await countVersions(repo, HISTORY_REF) };
}

/** Checks a bundle and fetches its timeline under `refs/imported/<time>`; resolves to its newest version. */
export async function fetchBundle(
  repo: HistoryRepo,
  file: string,
  now: Date,
): Promise<{ tip: string; versions: number }> {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs))
    throw new AppError(
      'NOT_FOUND',
      `${abs} does not exist.`,
      'Give the path of a file made by `ai-config backup export`.',
    );
  const check = await repo.run(['bundle', 'verify', abs], {
    operation: 'history bundle verify',
    okExitCodes: [1, 128],
  });
  if (check.exitCode !== 0) {
    throw new AppError(
      'INVALID_FILE',
      `${abs} is not a complete history backup: ${check.stderr.trim().split('\n').pop() ?? 'unreadable'}.`,
      'Export it again with `ai-config backup export FILE` and copy the whole file.',
      { file: abs },
    );
  }
  const ref = `refs/imported/${now.toISOString().replace(/[:.]/g, '-')}`;
  await repo.run(['fetch', '--quiet', '--no-tags', abs, `${HISTORY_REF}:${ref}`], {
    operation: 'history bundle fetch',
  });
  const tip = (await repo.run(['rev-parse', ref], { operation: 'history bundle tip' })).stdout.trim();
  return { tip, versions: await countVersions(repo, ref) };
}
