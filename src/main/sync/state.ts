import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { SYNC_PROVIDERS } from '../../shared/sync';
import { formatZodIssues } from '../validation';
import { writeJsonAtomic } from '../workspace/atomic-write';
import { readTextIfExists } from '../workspace/read-optional';

/** What `sync setup` remembers (state/sync.json): enough to show status and to move back. Never a key. */
export const syncStateSchema = z
  .object({
    version: z.literal(1),
    provider: z.enum(SYNC_PROVIDERS),
    dir: z.string().min(1),
    previousDir: z.string().min(1),
    since: z.string(),
    ignoreFile: z.string().optional(),
    /** Whether setup wrote the ignore file (else it was there before and stays). */
    ignoreCreated: z.boolean().optional(),
    /** Whether setup created the folder itself (else disconnect never removes it). */
    createdDir: z.boolean().optional(),
    /** Files and folders that were in the folder before setup (adopted): never removed by disconnect. */
    preExisting: z.array(z.string()).optional(),
    preExistingDirs: z.array(z.string()).optional(),
    syncthing: z
      .object({ configPath: z.string().optional(), folderId: z.string(), devices: z.array(z.string()) })
      .strict()
      .optional(),
  })
  .strict();

export type SyncState = z.infer<typeof syncStateSchema>;

export function loadSyncState(file: string): SyncState | undefined {
  const text = readTextIfExists(file);
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError(
      'INVALID_FILE',
      `${file} is not valid JSON.`,
      'Move the file aside; `ai-config sync status` will then show the workspace as not synced.',
      { file },
    );
  }
  const parsed = syncStateSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'INVALID_FILE',
      `${file} is invalid: ${formatZodIssues(parsed.error)}.`,
      'Move the file aside and run `ai-config sync setup` again.',
      { file },
    );
  return parsed.data;
}

export async function saveSyncState(file: string, state: SyncState | undefined): Promise<void> {
  if (!state) {
    fs.rmSync(file, { force: true });
    return;
  }
  await writeJsonAtomic(file, syncStateSchema.parse(state));
}
