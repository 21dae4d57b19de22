import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeAtomicSync } from '../workspace/atomic-write';
import { mkdirPrivate } from '../workspace/private-mode';
import { fromPlaceholders, secretsIn, toPlaceholders, valuesByTemplate, type WrittenSecret } from './placeholder-text';
import { readTextInRoot, toolRootFor } from '../workspace/boundary';

/**
 * Keeps resolved secrets out of history: for each tool file an install wrote a secret into, the placeholder form
 * of that exact content (`${secret:NAME}` where the value is), so every later snapshot of the file stores the
 * placeholder even after the secret was rotated; a rollback resolves the placeholders again.
 */
export interface ToolPlaceholders {
  /** A secret value was resolved into some tool file (the VarSource hook). */
  noteSecret(name: string, value: string): void;
  /**
   * Before an install writes `files`: records the placeholder form of each that holds a noted secret (on disk
   * before the file is, so a killed install never leaves a secret history cannot recognise) and returns their paths.
   */
  prepare(files: ReadonlyArray<{ readonly path: string; readonly after: string | undefined }>): Set<string>;
  /** The bytes history stores for a tool file. */
  toHistory(file: string, data: Buffer): Buffer;
  /** What a rollback writes for a stored tool file: its placeholders resolved from the current secrets. */
  fromHistory(file: string, data: Buffer): { data: Buffer; private: boolean; missing: string[] };
  /**
   * A secret is about to be replaced or removed: each tool file we wrote that still holds its old value but was
   * changed since (so no recorded form matches it) gets its placeholder form recorded now, while the value is known.
   */
  retire(name: string, oldValue: string): void;
}

export interface ToolPlaceholdersDeps {
  /** state/secrets/placeholders.json: placeholder forms only, never a value. */
  readonly file: string;
  /** A secret's current value (the store, then the environment). */
  readonly lookup: (name: string) => string | undefined;
  /** Every value in the secret store, to find in a tool file someone changed after we wrote it. */
  readonly known: () => ReadonlyArray<WrittenSecret>;
}

interface Entry {
  /** SHA-256 of the content as written (with the values). */
  readonly sha: string;
  readonly template: string;
}

interface Registry {
  readonly v: 1;
  readonly files: Record<string, Entry[]>;
}

/** Forms kept per file: the current one and a few before it (a killed install, an undone one). */
const KEEP = 4;
const MARK = Buffer.from('${secret:');

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

export function createToolPlaceholders(deps: ToolPlaceholdersDeps): ToolPlaceholders {
  const noted = new Map<string, string>();
  let cache: { stamp: string; reg: Registry } | undefined;

  const stampOf = () => {
    const st = fs.statSync(deps.file, { throwIfNoEntry: false });
    return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : '';
  };
  const load = (): Registry => {
    const stamp = stampOf();
    if (cache && cache.stamp === stamp) return cache.reg;
    let reg: Registry = { v: 1, files: {} };
    if (stamp) {
      try {
        const v = JSON.parse(fs.readFileSync(deps.file, 'utf8')) as Registry;
        if (v && v.v === 1 && typeof v.files === 'object') reg = { v: 1, files: { ...v.files } };
      } catch {
        // Unreadable: start again; what it knew is only an optimisation over replacing known values.
      }
    }
    cache = { stamp, reg };
    return reg;
  };
  const remember = (items: ReadonlyArray<{ path: string; text: string; template: string }>) => {
    if (!items.length) return;
    const reg = load();
    const files = { ...reg.files };
    for (const i of items) {
      const sha = sha256(i.text);
      const old = (files[i.path] ?? []).filter((e) => e.sha !== sha);
      files[i.path] = [{ sha, template: i.template }, ...old].slice(0, KEEP);
    }
    const next: Registry = { v: 1, files };
    mkdirPrivate(path.dirname(deps.file));
    writeAtomicSync(deps.file, JSON.stringify(next), { mode: 0o600 });
    cache = { stamp: stampOf(), reg: next };
  };

  return {
    noteSecret(name, value) {
      if (value) noted.set(name, value);
    },
    prepare(files) {
      const all = [...noted].map(([name, value]) => ({ name, value }));
      const items: Array<{ path: string; text: string; template: string }> = [];
      for (const f of files) {
        if (f.after === undefined) continue;
        const found = all.length ? secretsIn(f.after, all) : [];
        if (found.length) items.push({ path: f.path, text: f.after, template: toPlaceholders(f.after, found) });
      }
      remember(items);
      return new Set(items.map((i) => i.path));
    },
    toHistory(file, data) {
      const entries = load().files[file];
      if (!entries) return data;
      const sha = sha256(data);
      const hit = entries.find((e) => e.sha === sha);
      if (hit) return Buffer.from(hit.template, 'utf8');
      // Changed since we wrote it (by hand, or by the tool): replace whatever current secret values it holds.
      const text = data.toString('utf8');
      const found = [
        ...secretsIn(text, [...deps.known(), ...[...noted].map(([name, value]) => ({ name, value }))]),
        ...entries.flatMap((e) => valuesByTemplate(e.template, text)),
      ];
      return found.length ? Buffer.from(toPlaceholders(text, found), 'utf8') : data;
    },
    retire(name, oldValue) {
      const items: Array<{ path: string; text: string; template: string }> = [];
      for (const [file, entries] of Object.entries(load().files)) {
        let text: string | undefined;
        try {
          // A tool file: through the boundary, never through a link it did not have when we wrote it.
          text = readTextInRoot(toolRootFor(file), file);
        } catch {
          continue;
        }
        if (text === undefined) continue;
        const sha = sha256(text);
        if (entries.some((e) => e.sha === sha)) continue;
        const found = secretsIn(text, [{ name, value: oldValue }, ...deps.known()]);
        if (found.some((f) => f.name === name && f.value === oldValue))
          items.push({ path: file, text, template: toPlaceholders(text, found) });
      }
      remember(items);
    },
    fromHistory(file, data) {
      if (!data.includes(MARK)) return { data, private: false, missing: [] };
      const template = data.toString('utf8');
      const r = fromPlaceholders(file, template, deps.lookup);
      if (r.resolved) remember([{ path: file, text: r.text, template }]);
      return { data: Buffer.from(r.text, 'utf8'), private: true, missing: r.missing };
    },
  };
}
