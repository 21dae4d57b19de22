import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { lstatInRoot, readTextInRoot, toolRoot, type FsRoot } from '../../workspace/boundary';
import type { InstallRecord } from '../model';
import type { ImportInput } from './convert';
import { IMPORT_DIRS, detectFile } from './detect';

/** The boundary root an import of `target` reads in: the folder itself, or a file's folder. */
export function importRootFor(target: string, allowSymlinks: ReadonlyArray<string> = []): FsRoot {
  const st = fs.statSync(target, { throwIfNoEntry: false });
  return toolRoot(st?.isFile() ? path.dirname(target) : target, allowSymlinks);
}

/** A file's text through the boundary, or undefined when it is missing, a refused symlink, or outside the root. */
export function readImported(root: FsRoot, abs: string): string | undefined {
  try {
    return readTextInRoot(root, abs);
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
}

/**
 * The tool files under a folder (its root and the tools' own folders), or the one file given, read through the
 * boundary against `root` (see importRootFor): a symlink (to ~/.ssh, say) is skipped, never read.
 */
export function gatherInputs(target: string, root: FsRoot = importRootFor(target)): ImportInput[] {
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `${target} does not exist.`,
      'Point the import at a project folder, your home folder, or a tool file.',
    );
  }
  if (st.isFile()) {
    const text = readImported(root, target);
    return text === undefined ? [] : [{ rel: path.basename(target), text, abs: target }];
  }
  const out: ImportInput[] = [];
  for (const dir of ['', ...IMPORT_DIRS]) {
    const abs = path.join(target, ...dir.split('/').filter(Boolean));
    let names: string[];
    try {
      names = fs.readdirSync(abs).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(abs, name);
      const rel = dir ? `${dir}/${name}` : name;
      if (!/\.(md|mdc|json|toml)$/.test(name)) continue;
      const fst = lstatInRoot(root, file);
      if (!fst?.isFile() || fst.size > 2_000_000) continue;
      const text = readImported(root, file);
      if (text !== undefined && detectFile(rel, text)) out.push({ rel, text, abs: file });
    }
  }
  return out;
}

/**
 * Removes what AI Configurator installed itself (whole files, JSON keys, TOML blocks) so an import
 * brings in only what the user wrote. Returns the inputs that still hold something.
 */
export function withoutOurs(
  inputs: ReadonlyArray<ImportInput>,
  installs: ReadonlyArray<InstallRecord>,
): { inputs: ImportInput[]; ours: string[] } {
  const items = installs.flatMap((r) => r.items);
  const ours: string[] = [];
  const kept: ImportInput[] = [];
  for (const input of inputs) {
    const mine = items.filter((i) => input.abs && path.resolve(i.path) === path.resolve(input.abs));
    if (mine.some((i) => i.kind === 'file')) {
      ours.push(input.rel);
      continue;
    }
    let text = input.text;
    const keys = mine.filter((i) => i.kind === 'json-key');
    if (keys.length) {
      try {
        const j = JSON.parse(text) as Record<string, Record<string, unknown>>;
        for (const k of keys) if (j[k.parent]) delete j[k.parent]![k.id];
        text = JSON.stringify(j);
      } catch {
        // Unreadable JSON is reported by the converter.
      }
    }
    text = text.replace(/# ai-configurator:begin (\S+)\n[\s\S]*?# ai-configurator:end \1\n?/g, '');
    kept.push({ ...input, text });
  }
  return { inputs: kept, ours };
}
