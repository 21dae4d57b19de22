/**
 * The history seam every mutating feature calls. `createHistoryService` (history/service.ts) implements it
 * over `state/history.git`; `createUnversionedHistory` records nothing and is only for tests of other domains.
 */
export interface ChangeOperation {
  /** e.g. "agent.install", "library.update", "sync.setup". */
  readonly operation: string;
  readonly correlationId: string;
  /** Absolute paths outside the personal workspace (tool files) this operation will touch, to snapshot first. */
  readonly externalFiles?: ReadonlyArray<string>;
  readonly message?: string;
  /**
   * The operation writes no personal file (an install writes only tool files): the version after it keeps the
   * personal tree the version before it saw, instead of walking the workspace again.
   */
  readonly personalUnchanged?: boolean;
}

export interface History {
  /** Snapshot before a mutation; resolves to the version id (or undefined when nothing is versioned). */
  beforeChange(op: ChangeOperation): Promise<string | undefined>;
  /** Record the state after a mutation; resolves to the new version id. */
  record(op: ChangeOperation): Promise<string | undefined>;
  /**
   * Optional head start for `beforeChange` of the same operation: stages the personal workspace now (in a git
   * process, so it overlaps the operation's planning). The caller writes nothing before calling beforeChange.
   */
  stagePersonal?(op: ChangeOperation): Promise<void>;
}

export function createUnversionedHistory(): History {
  return {
    beforeChange: async () => undefined,
    record: async () => undefined,
  };
}
