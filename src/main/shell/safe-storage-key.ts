import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { fileKeyProvider, type KeyProvider } from '../secrets/store';

/** The secret store's data key, sealed by the OS keychain through Electron safeStorage. */
export function safeStorageKeyProvider(secretsDir: string): KeyProvider {
  // Linux without a keyring has no OS encryption: fall back to the 0600 key file (health reports which is in use).
  if (!safeStorage.isEncryptionAvailable()) return fileKeyProvider(path.join(secretsDir, 'master.key'));
  const sealedFile = path.join(secretsDir, 'master.key.sealed');
  return {
    kind: 'os-keychain',
    getKey() {
      if (fs.existsSync(sealedFile))
        return Buffer.from(safeStorage.decryptString(fs.readFileSync(sealedFile)), 'base64');
      const key = randomBytes(32);
      fs.mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(sealedFile, safeStorage.encryptString(key.toString('base64')), { mode: 0o600 });
      return key;
    },
  };
}
