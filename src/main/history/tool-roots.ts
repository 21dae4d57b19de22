import path from 'node:path';

/** Folders under the home folder that hold user-scope tool config this product writes. */
const USER_ROOTS: ReadonlyArray<string> = [
  '.claude',
  '.cursor',
  '.codex',
  '.gemini',
  '.kiro',
  '.aws/amazonq',
  '.codeium/windsurf',
  '.config/Claude',
  'Library/Application Support/Claude',
  'AppData/Roaming/Claude',
  '.devin',
  '.config/devin',
];

/** Single files under the home folder that hold user-scope tool config. */
const USER_FILES: ReadonlyArray<string> = ['.claude.json'];

/** Project-scope files (any project folder), as the tail of the path: one pattern per tool surface. */
const PROJECT_FILES: ReadonlyArray<RegExp> = [
  /\/(CLAUDE|AGENTS|GEMINI)\.md$/,
  /\/\.mcp\.json$/,
  /\/\.claude\/(agents\/[^/]+\.md|settings(\.local)?\.json)$/,
  /\/\.cursor\/(rules\/[^/]+\.mdc|mcp\.json)$/,
  /\/\.github\/(copilot-instructions\.md|instructions\/[^/]+\.instructions\.md)$/,
  /\/\.vscode\/mcp\.json$/,
  /\/\.windsurf\/rules\/[^/]+\.md$/,
  /\/\.kiro\/(agents\/[^/]+\.json|settings\/mcp\.json|steering\/[^/]+\.md)$/,
  /\/\.amazonq\/cli-agents\/[^/]+\.json$/,
  /\/\.gemini\/settings\.json$/,
  /\/\.kiro\/(skills\/.+|prompts\/[^/]+\.md)$/,
  /\/\.amazonq\/rules\/[^/]+\.md$/,
  /\/\.windsurf\/workflows\/[^/]+\.md$/,
  /\/\.devin\/(rules\/[^/]+\.md|skills\/.+|workflows\/[^/]+\.md|config\.json|hooks\.v1\.json)$/,
];

/**
 * Whether `abs` is a place this product installs tool config: under a user-scope tool folder of `homeDir`, or a
 * project-scope tool file. A backup from elsewhere may name any path; only these are written by an import.
 */
export function isKnownToolPath(abs: string, homeDir: string): boolean {
  const p = abs.split(path.sep).join('/');
  if (!path.isAbsolute(abs) || p.split('/').includes('..') || p.includes('\0')) return false;
  const home = path.resolve(homeDir).split(path.sep).join('/').replace(/\/$/, '');
  if (p.startsWith(home + '/')) {
    const rel = p.slice(home.length + 1);
    if (USER_FILES.includes(rel)) return true;
    if (USER_ROOTS.some((r) => rel.startsWith(r + '/'))) return true;
  }
  return PROJECT_FILES.some((re) => re.test(p));
}
