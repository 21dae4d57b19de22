import { z } from 'zod';
import { channel } from '../define';
import type { LibraryEntry, LibraryFile } from '../../library';

export const relativePath = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.split('/').includes('..') && !p.startsWith('/') && !p.includes('\\'), 'must be a relative path inside the source, with "/" separators');

export const libraryChannels = {
  'library:tree': channel<{ readonly entries: ReadonlyArray<LibraryEntry> }>()(z.object({}).strict()),
  'library:read': channel<LibraryFile>()(z.object({ source: z.string().min(1).max(64), path: relativePath }).strict()),
};
