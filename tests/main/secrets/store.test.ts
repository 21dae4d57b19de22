import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCipheriv, randomBytes } from 'node:crypto';
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

  it('keeps when each secret was set, and reads a store written before it did', () => {
    const dir = tempDir();
    const file = path.join(dir, 's.enc');
    const keys = fileKeyProvider(path.join(dir, 'k.key'));
    // A version 1 store: the bare name -> value map under the same sealing.
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keys.getKey(), iv);
    const data = Buffer.concat([cipher.update(JSON.stringify({ OLD: 'old-value-1234' }), 'utf8'), cipher.final()]);
    const sealed = { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
    fs.writeFileSync(file, JSON.stringify({ ...sealed, data: data.toString('base64') }));
    const store = createSecretStore(file, keys, () => new Date('2026-03-04T05:06:07.000Z'));
    expect(store.get('OLD')).toBe('old-value-1234');
    expect(store.list()).toEqual([{ name: 'OLD' }]);
    store.set('NEW_TOKEN', 'new-value-5678');
    expect(store.list()).toEqual([{ name: 'NEW_TOKEN', setAt: '2026-03-04T05:06:07.000Z' }, { name: 'OLD' }]);
    expect(store.get('OLD')).toBe('old-value-1234');
    expect(store.get('constructor')).toBeUndefined();
    store.delete('NEW_TOKEN');
    expect(store.names()).toEqual(['OLD']);
  });
});
