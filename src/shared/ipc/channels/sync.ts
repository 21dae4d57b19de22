import { z } from 'zod';
import { channel } from '../define';
import { relativePath } from './library';
import {
  SYNC_PROVIDERS,
  type ConflictDetail,
  type DetectedProvider,
  type DisconnectResult,
  type IncomingChange,
  type ResolveResult,
  type SetupResult,
  type SyncConflict,
  type SyncStatus,
} from '../../sync';

/** A Syncthing device ID: 8 groups of 7 base32 characters (dashes optional). */
export const deviceIdSchema = z
  .string()
  .regex(
    /^[A-Z2-7]{7}(-?[A-Z2-7]{7}){7}$/i,
    'must be a Syncthing device ID (8 groups of 7 letters/digits, e.g. ABCDEFG-...)',
  );

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('~'), 'must be an absolute path');

export const syncSetupRequest = z
  .object({
    provider: z.enum(SYNC_PROVIDERS),
    path: absolutePath.optional(),
    syncthingConfig: absolutePath.optional(),
    device: deviceIdSchema.optional(),
    /** tcp://host:port; without it the device is found by Syncthing's discovery ("dynamic"). */
    deviceAddress: z
      .string()
      .regex(/^(tcp|quic|relay):\/\/\S+$/, 'must look like tcp://host:port')
      .optional(),
    folderId: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'use letters, digits, ".", "_" or "-"')
      .optional(),
    /** How long to watch the probe file reach another device (Syncthing); 0 skips watching. */
    verifyTimeoutMs: z.number().int().min(0).max(600_000).optional(),
    /** Move into a folder that already holds files; they are recorded and never removed by disconnect. */
    adoptExisting: z.boolean().optional(),
  })
  .strict();

export const syncChannels = {
  'sync:detect': channel<{ readonly providers: ReadonlyArray<DetectedProvider> }>()(
    z.object({ syncthingConfig: absolutePath.optional() }).strict(),
  ),
  'sync:setup': channel<SetupResult>()(syncSetupRequest, { mutates: true }),
  'sync:status': channel<SyncStatus>()(z.object({}).strict()),
  'sync:conflicts': channel<{ readonly conflicts: ReadonlyArray<SyncConflict> }>()(z.object({}).strict()),
  'sync:conflict': channel<ConflictDetail>()(z.object({ path: relativePath }).strict()),
  'sync:resolve': channel<ResolveResult>()(
    z
      .object({
        path: relativePath,
        keep: z.enum(['mine', 'theirs', 'manual']),
        content: z.string().max(5_000_000).optional(),
      })
      .strict()
      .refine((r) => r.keep !== 'manual' || r.content !== undefined, {
        message: 'keep "manual" needs the edited content',
        path: ['content'],
      }),
    { mutates: true },
  ),
  'sync:disconnect': channel<DisconnectResult>()(z.object({ removeSharedCopy: z.boolean().optional() }).strict(), {
    mutates: true,
  }),
  'sync:incoming': channel<{ readonly changes: ReadonlyArray<IncomingChange> }>()(z.object({}).strict()),
  'sync:incoming:dismiss': channel<{ readonly dismissed: number }>()(z.object({}).strict()),
};
