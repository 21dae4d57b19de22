import fs from 'node:fs';
import path from 'node:path';
import { TOOL_IDS } from '../../shared/agents';
import type { ToolInfo } from '../../shared/tools';
import { TARGETS } from './targets';
import type { Target } from './targets/types';

/** Where to look: the user's home folder and the environment whose PATH (and PATHEXT on Windows) names programs. */
export interface ToolProbe {
  readonly homeDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isProgram(p: string, windows: boolean): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    if (windows) return true;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether a program is on PATH: a lookup over the PATH folders, without spawning a shell. */
export function onPath(bin: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (!bin || bin.includes('/') || bin.includes('\\')) return false;
  const windows = platform === 'win32';
  const dirs = (env.PATH ?? env.Path ?? '').split(windows ? ';' : ':').filter(Boolean);
  const exts = windows ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)] : [''];
  return dirs.some((d) => exts.some((e) => isProgram(path.join(d, bin + e), windows)));
}

/** Whether the tool is on this machine: one of its config folders under home exists, or one of its programs. */
export function toolPresent(t: Target, probe: ToolProbe): boolean {
  return (
    t.detect.dirs.some((d) => isDir(path.resolve(probe.homeDir, d))) ||
    t.detect.bins.some((b) => onPath(b, probe.env, probe.platform))
  );
}

/** Every target: id, label, scopes, format, what replaces it, its surfaces, and whether it is here. */
export function listTools(probe: ToolProbe): ToolInfo[] {
  return TOOL_IDS.map((id) => {
    const t = TARGETS[id];
    return {
      id,
      label: t.label,
      scopes: [...t.scopes],
      ...(t.supersededBy ? { supersededBy: t.supersededBy } : {}),
      formatVersion: t.formatVersion,
      surfaces: t.surfaces.map((s) => ({
        kind: s.kind,
        scope: s.scope,
        path: s.path,
        docUrl: s.docUrl,
        checked: s.checked,
        ...(s.note ? { note: s.note } : {}),
      })),
      present: toolPresent(t, probe),
    };
  });
}
