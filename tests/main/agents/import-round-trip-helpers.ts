import fs from 'node:fs';
import path from 'node:path';
import { convertImport, type ConvertResult, type ImportInput } from '../../../src/main/agents/import/convert';
import { importRootFor, readImported } from '../../../src/main/agents/import/gather';

export const REAL_SHAPED = path.resolve(__dirname, '../../fixtures/real-shaped');

/** Every file under `root` (any depth, sorted), as the folder walk hands them to the converter. */
export function walkInputs(root: string, dir = ''): ImportInput[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      const abs = path.join(root, rel);
      if (e.isDirectory()) return walkInputs(root, rel);
      if (!e.isFile()) return [];
      return [{ rel, text: fs.readFileSync(abs, 'utf8'), abs }];
    });
}

/** Converts a folder with real boundary reads (no symlink out of the folder) and a real directory listing. */
export function convertTree(root: string, label = path.basename(root), inputs = walkInputs(root)): ConvertResult {
  const fsRoot = importRootFor(root);
  return convertImport(inputs, label, {
    readFile: (abs) => readImported(fsRoot, abs),
    listDir: (abs) => {
      try {
        return fs.readdirSync(abs).sort();
      } catch {
        return undefined;
      }
    },
  });
}

/** The converted file at a library path (throws a readable error when missing). */
export function made(r: ConvertResult, p: string): string {
  const f = r.files.find((x) => x.path === p);
  if (!f) throw new Error(`${p} was not made; made: ${r.files.map((x) => x.path).join(', ')}`);
  return f.content;
}

/** Writes the converted files into a personal workspace. */
export function writeConverted(personal: string, r: ConvertResult): void {
  for (const f of r.files) {
    const abs = path.join(personal, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, f.content);
  }
}
