import { z } from 'zod';
import { channel } from '../define';
import { ignorePattern, SOURCE_NAME } from '../../settings';
import type { AddedSource, HostKeyInfo, LogEntry, SourceIgnoreResult, SourceInfo, UpdateResult } from '../../sources';
import { relativePath } from './library';

const name = z.string().regex(SOURCE_NAME, 'use lowercase letters, digits, ".", "_" or "-" (at most 64)');
const ref = z
  .string()
  .min(1)
  .max(200)
  .refine((r) => !r.startsWith('-') && !/[\s~^:?*[\\]|\.\./.test(r), 'must be a commit, tag or branch name');

export const sourcesChannels = {
  'sources:list': channel<{ readonly sources: ReadonlyArray<SourceInfo> }>()(z.object({}).strict()),
  'sources:add': channel<AddedSource>()(
    z
      .object({
        name: name.optional(),
        url: z.string().min(1).max(2048),
        branch: z.string().min(1).max(200).optional(),
        sshKey: z.string().min(1).max(4096).optional(),
        tokenEnv: z
          .string()
          .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
          .optional(),
        /** A token typed into the app; stored encrypted, never in settings. */
        token: z.string().min(1).max(4096).optional(),
        acceptHostKey: z.boolean().optional(),
      })
      .strict(),
    { mutates: true },
  ),
  'sources:remove': channel<{ readonly removed: string }>()(z.object({ name }).strict(), { mutates: true }),
  'sources:update': channel<{ readonly results: ReadonlyArray<UpdateResult> }>()(
    z.object({ name: name.optional() }).strict(),
    { mutates: true },
  ),
  'sources:log': channel<{ readonly source: string; readonly entries: ReadonlyArray<LogEntry> }>()(
    z.object({ name, limit: z.number().int().min(1).max(1000).optional() }).strict(),
  ),
  'sources:pin': channel<UpdateResult>()(z.object({ name, ref }).strict(), { mutates: true }),
  'sources:unpin': channel<SourceInfo>()(z.object({ name }).strict(), { mutates: true }),
  'sources:rollback': channel<UpdateResult>()(z.object({ name }).strict(), { mutates: true }),
  'sources:rollforward': channel<UpdateResult>()(z.object({ name }).strict(), { mutates: true }),
  /** A file's diff between two versions, or (no from/to) between upstream and your kept copy of a conflicted file. */
  'sources:diff': channel<{ readonly diff: string }>()(
    z.object({ name, path: relativePath, from: ref.optional(), to: ref.optional() }).strict(),
  ),
  'sources:resolve': channel<SourceInfo>()(
    z.object({ name, path: relativePath, choice: z.enum(['mine', 'theirs']) }).strict(),
    { mutates: true },
  ),
  'sources:acceptHostKey': channel<HostKeyInfo>()(
    z.object({ url: z.string().min(1).max(2048), fingerprint: z.string().min(1).max(200) }).strict(),
    { mutates: true },
  ),
  /** Cancels a running clone or update started with that correlation id. */
  'sources:cancel': channel<{ readonly cancelled: boolean }>()(
    z.object({ correlationId: z.string().min(1).max(64) }).strict(),
  ),
  /** Adds a pattern to a source's ignore list (or removes it with `remove`); that source is reindexed. */
  'sources:ignore': channel<SourceIgnoreResult>()(
    z.object({ name, pattern: ignorePattern, remove: z.boolean().optional() }).strict(),
    { mutates: true },
  ),
};
