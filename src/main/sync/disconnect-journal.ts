import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Paths } from '../workspace/paths';
import { writeJsonAtomic } from '../workspace/atomic-write';
import { readTextIfExists } from '../workspace/read-optional';
import { syncStateSchema } from './state';

/**
 * The steps of one `sync disconnect` (state/sync-disconnect.json), written before each step so a killed run is
 * completed by the next `sync disconnect` or `doctor --fix`: `copying` (files are going back into `back`),
 * `copied` (all verified there, settings not switched yet), `switched` (settings point at `back`; what is left is
 * forgetting the sync state and removing the shared copy's files).
 */
export const disconnectJournalSchema = z
  .object({
    version: z.literal(1),
    phase: z.enum(['copying', 'copied', 'switched']),
    shared: z.string().min(1),
    back: z.string().min(1),
    /** Whether `back` was there before the copy (else an undo may remove the folders it made). */
    backExisted: z.boolean(),
    /** The files the copy creates in `back` (relative); an interrupted copy removes exactly these. */
    copy: z.array(z.string()),
    removeSharedCopy: z.boolean(),
    unshared: z.boolean(),
    /** The sync state as setup recorded it (which files were there before, what setup created). */
    state: syncStateSchema,
  })
  .strict();

export type DisconnectJournal = z.infer<typeof disconnectJournalSchema>;

export function disconnectJournalFile(paths: Paths): string {
  return path.join(paths.state, 'sync-disconnect.json');
}

/** The journal of an interrupted disconnect, or undefined; an unreadable one is moved aside (it cannot be resumed). */
export function loadDisconnectJournal(file: string): DisconnectJournal | undefined {
  const text = readTextIfExists(file);
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = disconnectJournalSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  fs.renameSync(file, `${file}.invalid`);
  return undefined;
}

export async function saveDisconnectJournal(file: string, journal: DisconnectJournal): Promise<void> {
  await writeJsonAtomic(file, disconnectJournalSchema.parse(journal));
}

export function clearDisconnectJournal(file: string): void {
  fs.rmSync(file, { force: true });
}
