import fs from 'node:fs';
import path from 'node:path';
import type { ScanFinding } from '../../../shared/scan';
import { findHighEntropy } from './high-entropy';
import { findHiddenInName, findHiddenUnicode, visible } from './hidden-unicode';
import { MAX_SCAN_BYTES, readCapped } from './read-capped';
import { findSecrets } from './secrets';
import { SKIP_DIRS } from '../walk';
import { symlinkFinding, symlinkOnPath } from './symlinks';

/** A folder with more files than this is scanned up to it (a hostile repo cannot make a scan run forever). */
export const MAX_SCAN_FILES = 50_000;

export interface ScanReport {
  /** Files read (symlinks and other non-regular entries are reported, not read). */
  readonly files: number;
  readonly findings: ReadonlyArray<ScanFinding>;
  /** True when MAX_SCAN_FILES stopped the walk. */
  readonly truncated: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Every finding for one regular file's content (never throws: unreadable files yield nothing). */
function scanContent(abs: string, shown: string): ScanFinding[] {
  const read = readCapped(abs);
  if (!read) return [];
  const out: ScanFinding[] = [];
  if (read.truncated)
    out.push({
      file: shown,
      line: 1,
      rule: 'scan/too-large',
      severity: 'warning',
      message: `${read.size} bytes: only the first ${MAX_SCAN_BYTES} were scanned`,
    });
  // A binary file is searched for token formats only (as Latin-1: each byte one character).
  const text = read.binary ? read.bytes.toString('latin1') : decoder.decode(read.bytes);
  const lines = text.split('\n');
  const secrets = findSecrets(shown, lines);
  out.push(...secrets);
  if (read.binary) return out;
  out.push(...findHiddenUnicode(shown, lines));
  if (/\.json$/i.test(shown) && !read.truncated) {
    const seen = new Set(secrets.map((s) => s.line));
    out.push(...findHighEntropy(shown, text, lines).filter((f) => !seen.has(f.line)));
  }
  return out;
}

function byPosition(a: ScanFinding, b: ScanFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * Scans every file under `root`, never following a symlink. Skips the folders the library walk skips (`.git`,
 * `node_modules`, sync-tool folders): nothing there is ever read as library content. Never throws.
 */
export async function scanFolder(root: string): Promise<ScanReport> {
  const findings: ScanFinding[] = [];
  let files = 0;
  let truncated = false;
  const visit = async (dir: string, relDir: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      if (files >= MAX_SCAN_FILES) {
        truncated = true;
        return;
      }
      const abs = path.join(dir, ent.name);
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      const shown = visible(rel);
      findings.push(...findHiddenInName(shown, ent.name));
      if (ent.isSymbolicLink()) findings.push(symlinkFinding(root, abs, shown));
      else if (ent.isDirectory()) {
        if (!SKIP_DIRS.has(ent.name)) await visit(abs, rel);
      } else if (ent.isFile()) {
        files++;
        findings.push(...scanContent(abs, shown));
      }
    }
  };
  await visit(root, '');
  return { files, findings: findings.sort(byPosition), truncated };
}

/** Scans the given files (relative paths with "/", e.g. what an update added or changed) under `root`. Never throws. */
export async function scanFiles(root: string, rels: ReadonlyArray<string>): Promise<ScanReport> {
  const findings: ScanFinding[] = [];
  const links = new Set<string>();
  let files = 0;
  for (const rel of rels.slice(0, MAX_SCAN_FILES)) {
    const parts = rel.split('/');
    if (!rel || path.isAbsolute(rel) || parts.some((p) => p === '..' || p === '')) continue;
    const shown = visible(rel);
    findings.push(...parts.flatMap((p) => findHiddenInName(shown, p)).slice(0, 1));
    const link = symlinkOnPath(root, rel);
    if (link) {
      if (!links.has(link)) findings.push(symlinkFinding(root, path.join(root, ...link.split('/')), visible(link)));
      links.add(link);
      continue;
    }
    const abs = path.join(root, ...parts);
    try {
      if (!fs.lstatSync(abs).isFile()) continue;
    } catch {
      continue;
    }
    files++;
    findings.push(...scanContent(abs, shown));
  }
  return { files, findings: findings.sort(byPosition), truncated: rels.length > MAX_SCAN_FILES };
}
