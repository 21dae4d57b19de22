import { z } from 'zod';
import type { ErrorCode } from '../../errors';
import { channel } from '../define';
import { absolutePathSchema, outputFileFields } from '../../file-path';

/** One version of the timeline. Paths are workspace-relative, or absolute for tool files. */
export interface HistoryVersion {
  readonly id: string;
  readonly shortId: string;
  readonly date: string;
  readonly operation: string;
  readonly phase: string;
  readonly correlationId: string;
  readonly message: string;
  readonly filesChanged: number;
  readonly files: ReadonlyArray<{ readonly status: 'added' | 'modified' | 'deleted'; readonly path: string }>;
}

/** One file of a diff, with both sides' text for a side-by-side view (binary or huge files carry no text). */
export interface FileDiff {
  readonly path: string;
  readonly status: 'added' | 'modified' | 'deleted';
  readonly binary: boolean;
  readonly truncated: boolean;
  readonly before: string;
  readonly after: string;
}

export interface DiffResult {
  readonly from: string;
  /** A version id, or "current" for the files as they are now. */
  readonly to: string;
  readonly files: ReadonlyArray<FileDiff>;
  /** The same as a unified patch (what `ai-config diff` prints). */
  readonly patch: string;
}

export interface RollbackChange {
  readonly path: string;
  readonly action: 'write' | 'delete';
}

export interface RollbackResult {
  readonly dryRun: boolean;
  readonly target: string;
  readonly path?: string;
  readonly changes: ReadonlyArray<RollbackChange>;
  /** The version taken just before the rollback, and the new version it made (undo = roll back to `before`). */
  readonly before?: string;
  readonly after?: string;
  readonly message: string;
  /** Coded warnings, e.g. SECRET_MISSING: a tool file got a placeholder back because its secret is gone. */
  readonly warnings?: ReadonlyArray<{ readonly code: ErrorCode; readonly message: string; readonly hint: string }>;
}

export interface CorruptVersion {
  readonly id: string;
  readonly date: string;
  readonly operation: string;
  readonly objects: ReadonlyArray<string>;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly versions: number;
  readonly objectsChecked: number;
  readonly problems: ReadonlyArray<string>;
  readonly corruptVersions: ReadonlyArray<CorruptVersion>;
}

export interface ExportResult {
  readonly file: string;
  readonly bytes: number;
  readonly versions: number;
}

export interface ImportResult {
  readonly file: string;
  readonly versions: number;
  readonly restored: RollbackResult;
  /** Files of the backup that were not written (tool files outside known tool roots, unsafe names), and why. */
  readonly refused?: ReadonlyArray<RefusedPath>;
}

/** A file a restore did not write or delete, and why. */
export interface RefusedPath {
  readonly path: string;
  readonly action: 'write' | 'delete';
  readonly reason: string;
}

export interface PruneResult {
  readonly dryRun: boolean;
  readonly retentionDays: number;
  readonly kept: number;
  readonly removed: number;
  /** Old id -> new id of each kept version (pruning rewrites the ids of the versions after the first removed one). */
  readonly renamed: Readonly<Record<string, string>>;
}

export interface MigratedFile {
  readonly kind: string;
  readonly file: string;
  readonly from: number;
  readonly to: number;
  readonly changes: ReadonlyArray<string>;
  readonly backup?: string;
}

export interface MigrationReport {
  readonly dryRun: boolean;
  readonly files: ReadonlyArray<MigratedFile>;
  readonly message: string;
}

/** A path inside the workspace (relative) or a tool file's absolute path. */
export const historyPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.split(/[\\/]/).includes('..') && !p.includes('\0'), 'must not contain ".." segments');
const version = z
  .string()
  .min(4)
  .max(80)
  .regex(/^[A-Za-z0-9~^._-]+$/, 'must be a version id (as `ai-config history` shows)');

export const historyChannels = {
  'history:list': channel<{ readonly versions: ReadonlyArray<HistoryVersion> }>()(
    z
      .object({
        path: historyPath.optional(),
        operation: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
  ),
  'history:diff': channel<DiffResult>()(
    z.object({ from: version, to: version.optional(), path: historyPath.optional() }).strict(),
  ),
  'history:rollback': channel<RollbackResult>()(
    z.object({ version, path: historyPath.optional(), dryRun: z.boolean().optional() }).strict(),
    { mutates: true },
  ),
  'history:snapshot': channel<{ readonly version?: string; readonly changed: boolean }>()(
    z.object({ message: z.string().max(500).optional() }).strict(),
    { mutates: true },
  ),
  'history:verify': channel<VerifyReport>()(z.object({}).strict()),
  'history:export': channel<ExportResult>()(z.object(outputFileFields).strict(), { mutates: true }),
  'history:import': channel<ImportResult>()(z.object({ file: absolutePathSchema }).strict(), { mutates: true }),
  'history:prune': channel<PruneResult>()(
    z
      .object({ dryRun: z.boolean().optional(), retentionDays: z.number().int().min(1).max(36_500).optional() })
      .strict(),
    { mutates: true },
  ),
  'history:migrate': channel<MigrationReport>()(z.object({ dryRun: z.boolean().optional() }).strict(), {
    mutates: true,
  }),
};
