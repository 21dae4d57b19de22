import { z } from 'zod';

/** The longest path a request may carry. */
export const MAX_PATH_LENGTH = 4096;

const isAbsolute = (p: string): boolean => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
const isRoot = (p: string): boolean => /^(\/+|[A-Za-z]:[\\/]*|\\\\[^\\/]+[\\/][^\\/]+[\\/]*)$/.test(p);

/** Why a path from a request is refused, or undefined when its shape is fine (existence is checked in main). */
export function pathShapeProblem(p: string): string | undefined {
  if (p.includes('\0')) return 'must not contain a NUL character';
  if (!isAbsolute(p)) return 'must be an absolute path (the CLI resolves a relative one against the current folder)';
  if (isRoot(p)) return 'must name a file or folder, not the root of the disk';
  return undefined;
}

/** A file or folder path in a request: absolute, no NUL, not `/`. Every channel that takes a path uses it. */
export const absolutePathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .superRefine((p, ctx) => {
    const problem = pathShapeProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A file a channel writes: refused when it exists, unless `overwrite` is true. */
export const outputFileFields = {
  file: absolutePathSchema,
  /** Replace the file if it exists (the CLI's --force). */
  overwrite: z.boolean().optional(),
} as const;
