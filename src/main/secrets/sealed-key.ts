import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { writeAtomicSync } from '../workspace/atomic-write';

/** Seals and unseals a string with the OS keychain (Electron safeStorage's async API in the app). */
export interface Sealer {
  encrypt(plainText: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<{ readonly result: string; readonly shouldReEncrypt: boolean }>;
}

const KEY_BYTES = 32;

function badSealedKey(file: string): AppError {
  return new AppError(
    'INVALID_FILE',
    `${file} does not hold a sealed ${KEY_BYTES}-byte key.`,
    'Restore the file from a backup, or move it away to start a new secret store (saved tokens are then lost).',
    { file },
  );
}

/**
 * The secret store's data key from `file`, unsealed by `sealer`; a new random key is created and sealed when the
 * file does not exist. A key the keychain asks to re-encrypt (rotated keychain key) is sealed again in place.
 */
export async function loadSealedKey(file: string, sealer: Sealer): Promise<Buffer> {
  if (fs.existsSync(file)) {
    const { result, shouldReEncrypt } = await sealer.decrypt(fs.readFileSync(file));
    const key = Buffer.from(result, 'base64');
    if (key.length !== KEY_BYTES) throw badSealedKey(file);
    if (shouldReEncrypt) writeAtomicSync(file, await sealer.encrypt(result), { mode: 0o600 });
    return key;
  }
  const key = randomBytes(KEY_BYTES);
  const sealed = await sealer.encrypt(key.toString('base64'));
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeAtomicSync(file, sealed, { mode: 0o600 });
  return key;
}
