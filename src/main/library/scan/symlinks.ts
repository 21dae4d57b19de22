import fs from 'node:fs';
import path from 'node:path';
import type { ScanFinding } from '../../../shared/scan';
import { visible } from './hidden-unicode';

/** An `fs/symlink` finding for the link at `abs` (shown as `shown`): where it points, never followed. */
export function symlinkFinding(root: string, abs: string, shown: string): ScanFinding {
  let target = '';
  try {
    target = fs.readlinkSync(abs);
  } catch {
    // Unreadable: reported without its target.
  }
  const resolved = path.resolve(path.dirname(abs), target);
  const rel = path.relative(path.resolve(root), resolved);
  const outside = !target || rel.startsWith('..') || path.isAbsolute(rel);
  return {
    file: shown,
    line: 1,
    rule: 'fs/symlink',
    severity: 'error',
    message: `symbolic link to ${target ? `"${visible(target)}"` : 'an unreadable target'}${outside ? ' (outside the source)' : ''}: not followed; commit the file itself instead`,
  };
}

/** The first path segment of `rel` under `root` that is a symlink (its relative path), or undefined. Never throws. */
export function symlinkOnPath(root: string, rel: string): string | undefined {
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    try {
      if (fs.lstatSync(path.join(root, ...sub.split('/'))).isSymbolicLink()) return sub;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
