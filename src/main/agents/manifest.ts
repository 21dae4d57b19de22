import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { newerFileMessage } from '../history/migrations';
import { writeJsonAtomic } from '../workspace/atomic-write';
import type { InstallRecord } from './model';

const itemSchema = z.object({
  kind: z.enum(['file', 'section', 'json-key', 'toml-table', 'json-item', 'text-block']),
  path: z.string(),
  id: z.string(),
  parent: z.string(),
  hash: z.string(),
  desiredHash: z.string(),
  createdFile: z.boolean(),
  parentCreated: z.boolean().optional(),
});
const recordSchema = z.object({
  agent: z.string(),
  tool: z.string(),
  scope: z.enum(['user', 'project']),
  project: z.string().optional(),
  installedAt: z.string(),
  items: z.array(itemSchema),
  dirs: z.array(z.string()).optional(),
  /** Target.formatVersion at install time; absent in records written before formats were versioned (format 1). */
  format: z.number().int().positive().optional(),
});
/** The manifest's shape at schemaVersion 1 (also the migrator's final check). */
export const manifestSchema = z.object({ schemaVersion: z.literal(1), installs: z.array(recordSchema) });

/** `state/installs/manifest.json`: every file, section and key we wrote into a tool's config, with hashes. */
export interface Manifest {
  readonly schemaVersion: 1;
  readonly installs: ReadonlyArray<InstallRecord>;
}

export function loadManifest(file: string): Manifest {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { schemaVersion: 1, installs: [] };
    throw e;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError(
      'INVALID_FILE',
      `The install manifest ${file} is not valid JSON.`,
      'Restore it from history (`ai-config history`) or move it aside; installed files are not affected.',
      { file },
    );
  }
  if (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as { schemaVersion?: unknown }).schemaVersion !== undefined &&
    (raw as { schemaVersion: number }).schemaVersion > 1
  ) {
    throw new AppError(
      'FILE_NEWER',
      newerFileMessage(
        `The install manifest ${file}`,
        'install-manifest',
        (raw as { schemaVersion: number }).schemaVersion,
        1,
      ),
      'Update AI Configurator on this machine. The file was not changed.',
      { file, field: 'schemaVersion' },
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'INVALID_FILE',
      `The install manifest ${file} is damaged (${parsed.error.issues[0]?.path.join('.')}).`,
      'Restore it from history or move it aside.',
      { file },
    );
  return parsed.data;
}

export async function saveManifest(file: string, m: Manifest): Promise<void> {
  await writeJsonAtomic(file, m);
}

/** Whether a record is for this agent, tool, scope and project. */
export function sameInstall(
  r: Pick<InstallRecord, 'agent' | 'tool' | 'scope' | 'project'>,
  k: Pick<InstallRecord, 'agent' | 'tool' | 'scope' | 'project'>,
): boolean {
  return r.agent === k.agent && r.tool === k.tool && r.scope === k.scope && (r.project ?? '') === (k.project ?? '');
}
