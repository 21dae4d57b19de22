import path from 'node:path';
import { mcpServerSchema } from '../../../shared/agents';
import type { PendingApproval } from '../../../shared/scan';
import { readCapped } from '../scan/read-capped';
import { symlinkOnPath } from '../scan/symlinks';
import { pendingApproval } from './executable';

const SERVER_FILE = /^mcp-servers\/[^/]+\.json$/;

/**
 * The MCP servers among `rels` (files a clone or update brought into `dir`) whose executable part is not approved.
 * Invalid or unreadable definitions are left to lint and install, which name the problem; symlinks are not read.
 */
export function serversNeedingApproval(
  source: string,
  dir: string,
  rels: ReadonlyArray<string>,
  isApproved: (hash: string) => boolean,
): PendingApproval[] {
  const out: PendingApproval[] = [];
  for (const rel of rels) {
    if (!SERVER_FILE.test(rel) || symlinkOnPath(dir, rel)) continue;
    const read = readCapped(path.join(dir, ...rel.split('/')));
    if (!read || read.truncated || read.binary) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(read.bytes.toString('utf8'));
    } catch {
      continue;
    }
    const parsed = mcpServerSchema.safeParse(raw);
    if (!parsed.success) continue;
    const p = pendingApproval(source, parsed.data);
    if (!isApproved(p.hash)) out.push(p);
  }
  return out;
}
