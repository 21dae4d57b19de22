import fs from 'node:fs';
import path from 'node:path';
import { writeAtomicSync } from '../workspace/atomic-write';

/**
 * Appends one JSON line; when the file would pass `maxBytes` it is first rewritten (atomically) to
 * its newest half, so the file stays bounded without ever losing the recent past.
 */
export function appendBounded(file: string, value: unknown, maxBytes: number): void {
  const line = JSON.stringify(value) + '\n';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    // No file yet.
  }
  if (size + line.length > maxBytes) {
    const text = fs.readFileSync(file, 'utf8');
    let cut = text.indexOf('\n', Math.floor(text.length / 2));
    cut = cut < 0 ? text.length : cut + 1;
    writeAtomicSync(file, text.slice(cut), { mode: 0o600 });
  }
  fs.appendFileSync(file, line, { mode: 0o600 });
}

/** Every parseable line of a JSON-lines file (a torn line is skipped); `keep` filters raw lines before parsing. */
export function readJsonl<T>(file: string, keep?: (raw: string) => boolean): T[] {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || (keep && !keep(line))) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // skip
    }
  }
  return out;
}
