import fs from 'node:fs';
import type { Settings } from '../../../shared/settings';
import type { HealthContext } from '../types';

/** The settings when they exist and are valid; undefined otherwise (the settings check reports why). */
export function readableSettings(ctx: HealthContext): Settings | undefined {
  try {
    return ctx.settings();
  } catch {
    return undefined;
  }
}

/** "3 s", "120 ms". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** "1.2 GB". */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 && i ? 1 : 0)} ${units[i]}`;
}

/** A folder's entries, or none when it cannot be read (missing, no permission). */
export function listDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
