import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditTrail } from '../../../src/main/observability/audit';
import { createLogger, type LogRecord } from '../../../src/main/observability/logger';
import { createSecretsService } from '../../../src/main/secrets/service';
import { createSecretStore, fileKeyProvider } from '../../../src/main/secrets/store';
import { isAppError } from '../../../src/shared/errors';
import { tempDir } from '../../helpers/temp';

function setup() {
  const dir = tempDir();
  const store = createSecretStore(path.join(dir, 's.enc'), fileKeyProvider(path.join(dir, 'k.key')));
  const audit = createAuditTrail(path.join(dir, 'audit.jsonl'));
  const records: LogRecord[] = [];
  const ctx = {
    correlationId: 'c1',
    logger: createLogger({ sinks: [(r) => records.push(r)] }),
    progress: () => undefined,
  };
  return { store, audit, records, ctx, service: createSecretsService({ store, audit }) };
}

describe('secrets service', () => {
  it('sets, replaces, lists and removes; audit and log carry names, never values', () => {
    const { service, audit, records, ctx, store } = setup();
    expect(service.set({ name: 'API_KEY', value: 'svc-value-9d8c7b6a' }, ctx)).toEqual({
      name: 'API_KEY',
      replaced: false,
    });
    expect(service.set({ name: 'API_KEY', value: 'svc-value-2' + 'x'.repeat(8) }, ctx).replaced).toBe(true);
    expect(store.get('API_KEY')).toBe('svc-value-2xxxxxxxx');
    expect(service.list().map((s) => s.name)).toEqual(['API_KEY']);
    expect(service.remove({ name: 'API_KEY' }, ctx)).toEqual({ name: 'API_KEY', removed: true });
    expect(service.remove({ name: 'API_KEY' }, ctx).removed).toBe(false);
    const trail = JSON.stringify(audit.read()) + JSON.stringify(records);
    expect(trail).toContain('secret.set');
    expect(trail).not.toContain('svc-value');
    expect(audit.read().map((r) => r.result)).toEqual(['ok', 'ok', 'ok', 'noop']);
  });

  it('refuses a name a placeholder cannot use, with SECRET_NAME_INVALID naming the field', () => {
    const { service, ctx } = setup();
    for (const name of ['1ABC', 'has space', 'a-b', 'source.x.token', 'x'.repeat(129)]) {
      let err: unknown;
      try {
        service.set({ name, value: 'some-value-123' }, ctx);
      } catch (e) {
        err = e;
      }
      expect(isAppError(err) && err.code).toBe('SECRET_NAME_INVALID');
      expect((err as Error).message).toContain('field "name"');
      expect((err as Error).message).not.toContain('some-value-123');
    }
    // A library source's token (stored under source.NAME.token) can still be removed by name.
    expect(service.remove({ name: 'source.x.token' }, ctx).removed).toBe(false);
    expect(() => service.remove({ name: 'bad name' }, ctx)).toThrow(/not valid/);
  });
});
