import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { safeStorageKeyProvider } from '../../../src/main/shell/safe-storage-key';
import { double } from '../../helpers/electron-double';
import { tempDir } from '../../helpers/temp';

beforeEach(() => {
  double.reset();
  double.emitReady();
});

describe('safeStorage key provider (against the Electron double)', () => {
  it('uses the 0600 key file where the keychain is missing or is Linux basic_text', async () => {
    const dir = tempDir();
    double.safeStorage.available = false;
    expect((await safeStorageKeyProvider(dir)).kind).toBe('key-file');
    double.safeStorage.available = true;
    double.safeStorage.backend = 'basic_text';
    const provider = await safeStorageKeyProvider(dir);
    expect(provider.kind).toBe(process.platform === 'linux' ? 'key-file' : 'os-keychain');
  });

  it('keeps an existing key file when a keychain appears later (its secrets stay readable)', async () => {
    const dir = tempDir();
    double.safeStorage.available = false;
    const key = (await safeStorageKeyProvider(dir)).getKey();
    double.safeStorage.available = true;
    const again = await safeStorageKeyProvider(dir);
    expect(again.kind).toBe('key-file');
    expect(again.getKey().equals(key)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'master.key.sealed'))).toBe(false);
  });

  it('re-seals the key when the keychain asks to, and refuses a sealed file that is not a key', async () => {
    const dir = tempDir();
    const key = (await safeStorageKeyProvider(dir)).getKey();
    const sealedFile = path.join(dir, 'master.key.sealed');
    fs.writeFileSync(sealedFile, 'sealed:' + Buffer.from(key.toString('base64')).toString('base64'));
    double.safeStorage.reEncrypt = true;
    expect((await safeStorageKeyProvider(dir)).getKey().equals(key)).toBe(true);
    expect(double.state.calls.filter((c) => c === 'safeStorage.encryptStringAsync')).toHaveLength(2);
    expect((fs.statSync(sealedFile).mode & 0o777).toString(8)).toBe('600');

    fs.writeFileSync(sealedFile, 'sealed:' + Buffer.from('short').toString('base64'));
    await expect(safeStorageKeyProvider(dir)).rejects.toMatchObject({ code: 'INVALID_FILE' });
    expect(double.state.violations).toEqual([]);
  });
});
