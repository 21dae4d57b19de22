import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretStore, fileKeyProvider } from '../../../src/main/secrets/store';
import { redactText } from '../../../src/main/observability/redact';
import { tempDir } from '../../helpers/temp';

describe('secret store', () => {
  it('stores values encrypted with 0600 files and reads them back', () => {
    const dir = tempDir();
    const store = createSecretStore(path.join(dir, 'secrets.enc'), fileKeyProvider(path.join(dir, 'master.key')));
    const token = 'tok_' + 'x'.repeat(30);
    store.set('github', token);
    expect(store.get('github')).toBe(token);
    expect(store.names()).toEqual(['github']);
    const raw = fs.readFileSync(path.join(dir, 'secrets.enc'), 'utf8');
    expect(raw).not.toContain(token);
    expect(fs.statSync(path.join(dir, 'secrets.enc')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(redactText(`using ${token}`)).not.toContain(token);
    store.delete('github');
    expect(store.get('github')).toBeUndefined();
  });

  it('refuses a store sealed with another key, with a clear error', () => {
    const dir = tempDir();
    createSecretStore(path.join(dir, 's.enc'), fileKeyProvider(path.join(dir, 'a.key'))).set('x', 'value-1234');
    const other = createSecretStore(path.join(dir, 's.enc'), fileKeyProvider(path.join(dir, 'b.key')));
    expect(() => other.get('x')).toThrow(/cannot be decrypted/);
  });
});
