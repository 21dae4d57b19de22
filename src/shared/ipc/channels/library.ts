import { z } from 'zod';
import { channel } from '../define';
import type { LibraryEntry, LibraryFile, SourceSkips } from '../../library';
import type { Outline } from '../../outline';

export const relativePath = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (p) => !p.split('/').includes('..') && !p.startsWith('/') && !p.includes('\\'),
    'must be a relative path inside the source, with "/" separators',
  );

/** Beyond this many changed paths the Library screen fetches the whole outline again. */
export const MAX_DELTA_PATHS = 2000;

export const libraryChannels = {
  'library:tree': channel<{
    readonly entries: ReadonlyArray<LibraryEntry>;
    /** What each source's walk skipped and why. */
    readonly skipped?: ReadonlyArray<SourceSkips>;
  }>()(z.object({}).strict()),
  /** The tree in compact form, for the Library screen (a third of the size of `library:tree`). */
  'library:outline': channel<Outline>()(z.object({}).strict()),
  /** Every entry (of any source) now at the given paths: the Library screen's delta after `files:changed`. */
  'library:entriesAt': channel<Outline>()(z.object({ paths: z.array(relativePath).max(MAX_DELTA_PATHS) }).strict()),
  'library:read': channel<LibraryFile>()(z.object({ source: z.string().min(1).max(64), path: relativePath }).strict()),
};
