import fs from 'node:fs';
import path from 'node:path';
import type { SourceConflict, TrailEntry } from '../../shared/sources';
import { writeJsonAtomic } from '../workspace/atomic-write';

/** What the app remembers about a source beside its clone: the version trail, conflicts, last update and fetch. */
export interface SourceState {
  readonly trail: ReadonlyArray<TrailEntry>;
  /** Index into `trail` of the version in use. */
  readonly position: number;
  readonly conflicts: ReadonlyArray<SourceConflict>;
  readonly lastUpdate?: string;
  readonly lastFetch?: string;
}

const EMPTY: SourceState = { trail: [], position: -1, conflicts: [] };

/** state/sources/<name>.json */
export function sourceStateFile(stateDir: string, name: string): string {
  return path.join(stateDir, 'sources', `${name}.json`);
}

export function readSourceState(stateDir: string, name: string): SourceState {
  try {
    const raw = JSON.parse(fs.readFileSync(sourceStateFile(stateDir, name), 'utf8')) as Partial<SourceState>;
    return {
      trail: raw.trail ?? [],
      position: raw.position ?? (raw.trail?.length ?? 0) - 1,
      conflicts: raw.conflicts ?? [],
      ...(raw.lastUpdate ? { lastUpdate: raw.lastUpdate } : {}),
      ...(raw.lastFetch ? { lastFetch: raw.lastFetch } : {}),
    };
  } catch {
    return EMPTY;
  }
}

export async function writeSourceState(stateDir: string, name: string, state: SourceState): Promise<void> {
  await writeJsonAtomic(sourceStateFile(stateDir, name), state);
}

/**
 * Records a move to `commit`. A new version (update, pin) drops any roll-forward steps and appends;
 * rollback and roll-forward only move the position.
 */
export function pushVersion(
  state: SourceState,
  commit: string,
  operation: TrailEntry['operation'],
  at: string,
): SourceState {
  const current = state.trail[state.position];
  if (current?.commit === commit) return state;
  const kept = state.trail.slice(0, state.position + 1);
  const trail = [...kept, { commit, at, operation }].slice(-200);
  return { ...state, trail, position: trail.length - 1 };
}

/** Since when the version in use has been in use. */
export function inUseSince(state: SourceState): string | undefined {
  return state.trail[state.position]?.at;
}
