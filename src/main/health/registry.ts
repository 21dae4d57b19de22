import type { Check, CheckProvider, HealthContext, Repair } from './types';

/** Where every domain contributes its checks and repairs. */
export interface HealthRegistry {
  registerCheck(check: Check | CheckProvider): void;
  registerRepair(repair: Repair): void;
  /** The checks for the current state, in registration order. */
  checks(ctx: HealthContext): Check[];
  repair(id: string): Repair | undefined;
  repairIds(): string[];
}

export function createHealthRegistry(): HealthRegistry {
  const checks: Array<Check | CheckProvider> = [];
  const repairs = new Map<string, Repair>();
  return {
    registerCheck(check) {
      if (typeof check !== 'function' && checks.some((c) => typeof c !== 'function' && c.id === check.id))
        throw new Error(`health check "${check.id}" is registered twice`);
      checks.push(check);
    },
    registerRepair(repair) {
      if (repairs.has(repair.id)) throw new Error(`repair "${repair.id}" is registered twice`);
      repairs.set(repair.id, repair);
    },
    checks: (ctx) => checks.flatMap((c) => (typeof c === 'function' ? c(ctx) : [c])),
    repair: (id) => repairs.get(id),
    repairIds: () => [...repairs.keys()],
  };
}
