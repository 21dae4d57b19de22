import { VENDOR_DIRS } from '../../../shared/import-target';
/** A dropped file: its path relative to what was dropped ("/" separators) and its text. */
export interface DroppedFile {
  readonly name: string;
  readonly content: string;
}

export interface ReadDrop {
  readonly files: DroppedFile[];
  /** What was not read, said to the user (too large, too many, unreadable). */
  readonly notes: string[];
}

/**
 * A dropped file's text; a file that is not UTF-8 text (an image, a binary) is handed over as a lone NUL, which
 * the import reports as a binary file not imported, rather than as text with its bytes replaced.
 */
export function textOf(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return '\0';
  }
}

/** The same limits as the import itself: 2 MB a file, at most 1000 files (the request's limit). */
export const DROP_LIMITS = { files: 1000, bytes: 2_000_000 } as const;

/** One dropped item, taken from the DataTransfer while the drop event runs (its items vanish after). */
export type DropSource = { readonly entry: FileSystemEntry } | { readonly file: File };

/** The dropped items, folders kept as entries (webkitGetAsEntry) so their files keep their relative paths. */
export function dropSources(dt: DataTransfer): DropSource[] {
  const out: DropSource[] = [];
  const items = dt.items ? [...dt.items] : [];
  for (const item of items) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    const file = entry ? undefined : item.getAsFile();
    if (entry) out.push({ entry });
    else if (file) out.push({ file });
  }
  if (!out.length) for (const file of dt.files ? [...dt.files] : []) out.push({ file });
  return out;
}

const readEntries = (dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> =>
  new Promise((resolve, reject) => {
    const reader = dir.createReader();
    const all: FileSystemEntry[] = [];
    // readEntries returns a batch at a time, until an empty one.
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });

const fileOf = (e: FileSystemFileEntry): Promise<File> => new Promise((resolve, reject) => e.file(resolve, reject));

/**
 * Reads dropped files and folders (recursively, without .git and node_modules) into relative names and text.
 * One dropped folder: names are relative to it (`.cursor/rules/x.mdc`), so the import judges them by location.
 */
export async function readDropped(sources: ReadonlyArray<DropSource>): Promise<ReadDrop> {
  const files: DroppedFile[] = [];
  const notes: string[] = [];
  const strip = sources.length === 1 && 'entry' in sources[0]! && sources[0].entry.isDirectory;
  const relOf = (full: string) => {
    const parts = full.replace(/^\/+/, '').split('/');
    return (strip ? parts.slice(1) : parts).join('/');
  };
  let full = false;
  const add = async (file: File, rel: string) => {
    if (files.length >= DROP_LIMITS.files) {
      if (!full) notes.push(`More than ${DROP_LIMITS.files} files were dropped: the rest was not read.`);
      full = true;
      return;
    }
    if (file.size > DROP_LIMITS.bytes) {
      notes.push(`${rel}: larger than 2 MB, not imported.`);
      return;
    }
    try {
      files.push({ name: rel, content: textOf(await file.arrayBuffer()) });
    } catch {
      notes.push(`${rel}: could not be read.`);
    }
  };
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (full) return;
    if (entry.isDirectory) {
      if (VENDOR_DIRS.has(entry.name)) return;
      let children: FileSystemEntry[];
      try {
        children = await readEntries(entry as FileSystemDirectoryEntry);
      } catch {
        notes.push(`${relOf(entry.fullPath) || entry.name}: the folder could not be read.`);
        return;
      }
      children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const c of children) await walk(c);
    } else if (entry.isFile) {
      try {
        await add(await fileOf(entry as FileSystemFileEntry), relOf(entry.fullPath));
      } catch {
        notes.push(`${relOf(entry.fullPath)}: could not be read.`);
      }
    }
  };
  for (const s of sources) {
    if ('entry' in s) await walk(s.entry);
    else await add(s.file, s.file.webkitRelativePath || s.file.name);
  }
  return { files, notes };
}
