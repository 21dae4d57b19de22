import fs from 'node:fs';
import path from 'node:path';
import type { PendingApproval, ScanFinding } from '../../shared/scan';
import type { UpdateResult } from '../../shared/sources';
import { hooksNeedingApproval } from './approval/changed-hooks';
import { serversNeedingApproval } from './approval/changed-servers';
import { createApprovalStore } from './approval/store';
import { scanFiles, scanFolder } from './scan/scan';

/** What a clone or update brought in that needs a look: scan findings, and MCP servers and hooks not approved yet. */
export interface ContentCheck {
  readonly findings: ReadonlyArray<ScanFinding>;
  readonly needsApproval: ReadonlyArray<PendingApproval>;
}

/** state/approvals.json */
export function approvalsFile(stateDir: string): string {
  return path.join(stateDir, 'approvals.json');
}

/** The MCP server definitions directly in `mcp-servers/` of a source (regular files and links; links are not read). */
function serverFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(path.join(dir, 'mcp-servers'))
      .filter((n) => n.endsWith('.json'))
      .map((n) => `mcp-servers/${n}`);
  } catch {
    return [];
  }
}

/** The hook files directly in `hooks/` of a source (links are listed, not read). */
function hookFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(path.join(dir, 'hooks'))
      .filter((n) => /\.(ya?ml|json)$/i.test(n))
      .map((n) => `hooks/${n}`);
  } catch {
    return [];
  }
}

/** Scans a source: the whole clone (`files` omitted, as on add) or the files an update added or changed. */
export async function checkSourceContent(
  stateDir: string,
  source: string,
  dir: string,
  files?: ReadonlyArray<string>,
): Promise<ContentCheck> {
  const report = files ? await scanFiles(dir, files) : await scanFolder(dir);
  const store = createApprovalStore(approvalsFile(stateDir));
  const needsApproval = [
    ...serversNeedingApproval(source, dir, files ?? serverFiles(dir), store.isApproved),
    ...hooksNeedingApproval(source, dir, files ?? hookFiles(dir), store.isApproved),
  ];
  return { findings: report.findings, needsApproval };
}

/** An update, pin or rollback summary with the content check of the files it added or changed (when it moved). */
export async function withContentCheck(stateDir: string, dir: string, result: UpdateResult): Promise<UpdateResult> {
  if (result.status !== 'updated') return result;
  const changed = [...result.files.added, ...result.files.modified];
  return { ...result, ...(await checkSourceContent(stateDir, result.source, dir, changed)) };
}
