import { createHash } from 'node:crypto';
import { looksBinary } from '../library/scan/read-capped';

/**
 * A binary file (a skill's image, font, compiled helper) in the install plan, which compares, hashes and journals
 * text: it stands there as this tag (its SHA-256), while its bytes travel beside it (`Desired.bytes`,
 * `PlannedFile.bytes`). A NUL cannot start a text file the plan would write, so the tag never equals one.
 */
const TAG = '\u0000binary sha256:';

/** Bytes the plan treats as binary: a NUL in the first 8 KB (images, fonts, archives and executables have one). */
export const hasNul: (buf: Buffer) => boolean = looksBinary;

export const binaryTag = (buf: Buffer): string => `${TAG}${createHash('sha256').update(buf).digest('hex')}`;

export const isBinaryTag = (text: string | undefined): boolean => text?.startsWith(TAG) ?? false;

/** A file's bytes as the plan reads them: its tag when binary, else its UTF-8 text. */
export const planText = (buf: Buffer): string => (hasNul(buf) ? binaryTag(buf) : buf.toString('utf8'));
