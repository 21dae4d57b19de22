import fs from 'node:fs';
import path from 'node:path';
import { writeAtomicSync } from '../workspace/atomic-write';
import { readTextIfExists } from '../workspace/read-optional';

/**
 * `$GIT_DIR/info/attributes` of the history store: the highest-precedence attributes file, so an in-tree
 * `.gitattributes` in the personal folder (synced, untrusted) cannot make git convert, filter or re-encode what it
 * stores or restores. `-attr` turns conversions off (text, eol, crlf, ident, filter, working-tree-encoding);
 * `!diff` / `!merge` leave diff and merge unspecified (git's built-in behaviour, no driver from the content).
 */
export const HISTORY_ATTRIBUTES =
  '# Written by AI Configurator: the history store keeps bytes exactly as they are.\n' +
  '* -text -eol -crlf -ident -filter -working-tree-encoding !diff !merge\n';

/** Environment for every history git call: no system or global config, no system attributes, no injected `-c`. */
export const HISTORY_GIT_ENV: NodeJS.ProcessEnv = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_ATTR_NOSYSTEM: '1',
  GIT_CONFIG_PARAMETERS: '',
  GIT_CONFIG_COUNT: '0',
};

/** `-c` flags for every history git call: nothing the store's own config could name runs or converts. */
export const HISTORY_GIT_CONFIG: ReadonlyArray<string> = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.autocrlf=false',
  '-c',
  'core.safecrlf=false',
  '-c',
  'core.attributesFile=/dev/null',
  '-c',
  'core.untrackedCache=false',
];

/**
 * Writes `info/NAME` of the store when it is missing or differs, owner-only like the rest of the store (a file
 * written before history was private is fixed), with the one atomic write the app uses for its own state.
 */
export function writeInfoFile(gitDir: string, name: string, text: string): void {
  const file = path.join(gitDir, 'info', name);
  if (readTextIfExists(file) === text) {
    if (fs.statSync(file).mode & 0o077) fs.chmodSync(file, 0o600);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeAtomicSync(file, text, { mode: 0o600 });
}

/** Writes HISTORY_ATTRIBUTES into the store when it is missing or differs (on init and on every open). */
export function writeHistoryAttributes(gitDir: string): void {
  writeInfoFile(gitDir, 'attributes', HISTORY_ATTRIBUTES);
}
