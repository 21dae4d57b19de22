import { AppError } from '../../shared/errors';
import type { SecretSummary } from '../../shared/ipc/channels/secrets';
import type { OperationContext } from '../context';
import type { AuditTrail } from '../observability/audit';
import { registerSecret } from '../observability/redact';
import { checkSecretName, checkStoredName } from './names';
import type { SecretStore } from './store';

/** Secrets as the CLI and the Secrets panel manage them: names and dates out, values in only. */
export interface SecretsService {
  list(): SecretSummary[];
  set(req: { name: string; value: string }, ctx: OperationContext): { name: string; replaced: boolean };
  remove(req: { name: string }, ctx: OperationContext): { name: string; removed: boolean };
}

export interface SecretsServiceDeps {
  readonly store: SecretStore;
  readonly audit: AuditTrail;
  /** Told a secret's old value before it is replaced or removed (history then still recognises it in tool files). */
  readonly retire?: (name: string, oldValue: string) => void;
}

const emptyValue = (name: string) =>
  new AppError(
    'INVALID_REQUEST',
    `The value for the secret ${name} (field "value") is empty.`,
    'Pipe the value in (`printf %s "$TOKEN" | ai-config secret set NAME`), type it at the prompt, or use --from-env VAR.',
    { field: 'value' },
  );

export function createSecretsService(deps: SecretsServiceDeps): SecretsService {
  const audit = (operation: string, target: string, ctx: OperationContext, changed: boolean) =>
    deps.audit.append({
      operation,
      target,
      result: changed ? 'ok' : 'noop',
      durationMs: 0,
      correlationId: ctx.correlationId,
    });
  return {
    list: () => deps.store.list(),
    set(req, ctx) {
      checkSecretName(req.name);
      // Registered before anything else can fail, so no log or error line can ever show it.
      registerSecret(req.value);
      if (!req.value) throw emptyValue(req.name);
      const old = deps.store.get(req.name);
      const replaced = old !== undefined;
      if (old !== undefined && old !== req.value) deps.retire?.(req.name, old);
      deps.store.set(req.name, req.value);
      audit('secret.set', req.name, ctx, true);
      ctx.logger.info('secret set', { name: req.name, replaced });
      return { name: req.name, replaced };
    },
    remove(req, ctx) {
      checkStoredName(req.name);
      const old = deps.store.get(req.name);
      const removed = old !== undefined;
      if (old !== undefined) {
        deps.retire?.(req.name, old);
        deps.store.delete(req.name);
      }
      audit('secret.remove', req.name, ctx, removed);
      ctx.logger.info('secret removed', { name: req.name, removed });
      return { name: req.name, removed };
    },
  };
}
