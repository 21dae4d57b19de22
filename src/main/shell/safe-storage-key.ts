import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { loadSealedKey } from '../secrets/sealed-key';
import { fileKeyProvider, type KeyProvider } from '../secrets/store';

/** Whether the OS keychain really protects data (Linux's `basic_text` store is a fixed password, not a keychain). */
async function keychainUsable(): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/**
 * The secret store's data key, sealed by the OS keychain through Electron safeStorage's async API.
 * Call only after `app.whenReady()`: before it, safeStorage has no keychain. A store that already uses one kind of
 * key keeps it (switching would orphan its secrets); a new store uses the keychain when there is a real one, else
 * the 0600 key file (health reports which is in use).
 */
export async function safeStorageKeyProvider(secretsDir: string): Promise<KeyProvider> {
  const sealedFile = path.join(secretsDir, 'master.key.sealed');
  const keyFile = path.join(secretsDir, 'master.key');
  const useKeychain = fs.existsSync(sealedFile) || (!fs.existsSync(keyFile) && (await keychainUsable()));
  if (!useKeychain) return fileKeyProvider(keyFile);
  const key = await loadSealedKey(sealedFile, {
    encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
    decrypt: (sealed) => safeStorage.decryptStringAsync(sealed),
  });
  return { kind: 'os-keychain', getKey: () => key };
}
