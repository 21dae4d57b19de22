import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh temp folder, removed after the current test. */
export function tempDir(prefix = 'aicfg-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Metrics (state/metrics/) record every call, failed ones included; they are observability, not workspace data. */
const OBSERVABILITY = /(^|\/)state\/metrics(\/|$)/;

/** Every file under `root` (relative path -> content), for before/after comparisons. Skips state/metrics/. */
export function snapshotTree(root: string, skip: (rel: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, ent.name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (skip(rel) || OBSERVABILITY.test(rel)) continue;
      if (ent.isDirectory()) visit(abs);
      else if (ent.isFile()) out[rel] = fs.readFileSync(abs).toString('base64');
    }
  };
  if (fs.existsSync(root)) visit(root);
  return out;
}

/** Every file under `root` whose bytes contain `needle` (for secret-leak searches). */
export function filesContaining(root: string, needle: string): string[] {
  const hits: string[] = [];
  const visit = (dir: string) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, ent.name);
      if (ent.isDirectory()) visit(abs);
      else if (ent.isFile() && fs.readFileSync(abs).includes(needle)) hits.push(abs);
    }
  };
  if (fs.existsSync(root)) visit(root);
  return hits;
}
