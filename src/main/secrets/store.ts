import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { registerSecret } from '../observability/redact';
import { writeAtomicSync } from '../workspace/atomic-write';

/**
 * Supplies the 32-byte data key. In the app the key is sealed with Electron safeStorage (OS keychain);
 * in the CLI and the browser host it is a 0600 file beside the store. Only src/main/shell knows safeStorage.
 */
export interface KeyProvider {
  readonly kind: 'os-keychain' | 'key-file';
  getKey(): Buffer;
}

/** A secret as it may be shown: its name and when it was last set, never its value. */
export interface SecretInfo {
  readonly name: string;
  /** ISO time of the last set; absent for secrets stored before the store kept it. */
  readonly setAt?: string;
}

/**
 * Encrypted name -> value store for tokens and `${VAR}` values. Values never leave it except to the code that uses
 * them.
 */
export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
  names(): string[];
  /** Names and when each was set, sorted by name. */
  list(): SecretInfo[];
  /** Every name and value, for the code that must find values in files it writes (history's placeholders). */
  entries(): Array<{ name: string; value: string }>;
}

const NAME = /^[A-Za-z0-9_.:-]{1,128}$/;

/** A key kept in a file readable only by the user (0600), created on first use. */
export function fileKeyProvider(keyFile: string): KeyProvider {
  return {
    kind: 'key-file',
    getKey() {
      try {
        const key = fs.readFileSync(keyFile);
        if (key.length === 32) return key;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      const key = randomBytes(32);
      fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
      writeAtomicSync(keyFile, key, { mode: 0o600 });
      return key;
    },
  };
}

interface Sealed {
  readonly v: 1;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

/** What the ciphertext holds: values, and when each was set (version 1 held the bare value map). */
interface Plain {
  readonly values: Record<string, string>;
  readonly setAt: Record<string, string>;
}

function parsePlain(text: string): Plain {
  const v = JSON.parse(text) as Record<string, unknown>;
  if (v.v === 2 && typeof v.values === 'object' && v.values && typeof v.setAt === 'object' && v.setAt)
    return { values: v.values as Record<string, string>, setAt: v.setAt as Record<string, string> };
  return { values: v as Record<string, string>, setAt: {} };
}

/** AES-256-GCM over the whole map, written atomically with mode 0600. */
export function createSecretStore(file: string, keys: KeyProvider, now: () => Date = () => new Date()): SecretStore {
  const load = (): Plain => {
    let sealed: Sealed;
    try {
      sealed = JSON.parse(fs.readFileSync(file, 'utf8')) as Sealed;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { values: {}, setAt: {} };
      throw new AppError(
        'INVALID_FILE',
        `The secret store ${file} is unreadable.`,
        'Move it aside and enter your tokens again; nothing else is affected.',
        { file },
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', keys.getKey(), Buffer.from(sealed.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString(
        'utf8',
      );
      const map = parsePlain(plain);
      for (const v of Object.values(map.values)) registerSecret(v);
      return map;
    } catch {
      throw new AppError(
        'INVALID_FILE',
        `The secret store ${file} cannot be decrypted with this machine's key.`,
        'Secrets do not travel between machines or users; enter your tokens again on this one.',
        { file },
      );
    }
  };
  const save = (map: Plain) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keys.getKey(), iv);
    const data = Buffer.concat([cipher.update(JSON.stringify({ v: 2, ...map }), 'utf8'), cipher.final()]);
    const sealed: Sealed = {
      v: 1,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
    writeAtomicSync(file, JSON.stringify(sealed), { mode: 0o600 });
  };
  const checkName = (name: string) => {
    if (!NAME.test(name))
      throw new AppError(
        'INVALID_REQUEST',
        `"${name}" is not a valid secret name.`,
        'Use letters, digits, "_", ".", ":" or "-" (at most 128).',
      );
  };
  return {
    get(name) {
      const { values } = load();
      return Object.hasOwn(values, name) ? values[name] : undefined;
    },
    set(name, value) {
      checkName(name);
      registerSecret(value);
      const map = load();
      save({ values: { ...map.values, [name]: value }, setAt: { ...map.setAt, [name]: now().toISOString() } });
    },
    delete(name) {
      const map = load();
      if (Object.hasOwn(map.values, name)) {
        delete map.values[name];
        delete map.setAt[name];
        save(map);
      }
    },
    names: () => Object.keys(load().values).sort(),
    entries: () => Object.entries(load().values).map(([name, value]) => ({ name, value })),
    list() {
      const { values, setAt } = load();
      return Object.keys(values)
        .sort()
        .map((name) => ({ name, ...(setAt[name] ? { setAt: setAt[name] } : {}) }));
    },
  };
}
