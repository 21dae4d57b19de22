/** Whether an import target is a Git repository URL (https://, ssh://, git://, file://, user@host:path). */
export function isGitUrl(target: string): boolean {
  return /^(https?|ssh|git|file):\/\//i.test(target) || /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!\/\/)/.test(target);
}

/** Folders an import never goes into (its folder walk, folders dropped on the window): VCS and vendored packages. */
export const VENDOR_DIRS: ReadonlySet<string> = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.gradle',
  '.next',
  '.nuxt',
  '.turbo',
  '.yarn',
  '.pnpm-store',
]);
