/** Whether an import target is a Git repository URL (https://, ssh://, git://, file://, user@host:path). */
export function isGitUrl(target: string): boolean {
  return /^(https?|ssh|git|file):\/\//i.test(target) || /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!\/\/)/.test(target);
}
