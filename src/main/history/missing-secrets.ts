import type { RollbackResult } from '../../shared/ipc/channels/history';
import type { UnresolvedPlaceholder } from './restore';

type Warning = NonNullable<RollbackResult['warnings']>[number];

/** One SECRET_MISSING warning per secret a rollback could not put back, naming the files that kept its placeholder. */
export function missingSecretWarnings(unresolved: ReadonlyArray<UnresolvedPlaceholder>): Warning[] {
  const byName = new Map<string, string[]>();
  for (const u of unresolved) byName.set(u.name, [...(byName.get(u.name) ?? []), u.path]);
  return [...byName].map(([name, files]) => ({
    code: 'SECRET_MISSING' as const,
    message: `The secret ${name} is not set, so ${files.join(', ')} got "\${secret:${name}}" instead of its value.`,
    hint: `Set it with \`ai-config secret set ${name}\` (or in the app: Secrets, "Add secret"), then roll back again.`,
  }));
}
