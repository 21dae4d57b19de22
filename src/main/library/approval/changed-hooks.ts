import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { hookFileSchema, hookName } from '../../../shared/content';
import type { PendingApproval } from '../../../shared/scan';
import { readCapped } from '../scan/read-capped';
import { symlinkOnPath } from '../scan/symlinks';
import { hookPendingApproval } from './executable';

const HOOK_FILE = /^hooks\/([^/]+)\.(ya?ml|json)$/i;

/**
 * The hooks among `rels` (files a clone or update brought into `dir`) whose command is not approved, named as an
 * install names them (`format`, `format-2`). Invalid or unreadable hook files are left to lint and install, which
 * name the problem; symlinks are not read.
 */
export function hooksNeedingApproval(
  source: string,
  dir: string,
  rels: ReadonlyArray<string>,
  isApproved: (hash: string) => boolean,
): PendingApproval[] {
  const out: PendingApproval[] = [];
  for (const rel of rels) {
    const m = HOOK_FILE.exec(rel);
    if (!m || symlinkOnPath(dir, rel)) continue;
    const read = readCapped(path.join(dir, ...rel.split('/')));
    if (!read || read.truncated || read.binary) continue;
    let raw: unknown;
    try {
      const text = read.bytes.toString('utf8');
      raw = m[2]!.toLowerCase() === 'json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: false });
    } catch {
      continue;
    }
    const parsed = hookFileSchema.safeParse(raw);
    if (!parsed.success) continue;
    parsed.data.hooks.forEach((h, i) => {
      const name = hookName(m[1]!, i);
      const p = hookPendingApproval({ source, path: rel, name, event: h.event, command: h.command });
      if (!isApproved(p.hash)) out.push(p);
    });
  }
  return out;
}
