import type { ExistingFiles } from '../stores/sync';

/** How many names the notice lists before "and N more". */
const SHOWN = 12;

/**
 * The target folder is not empty: lists what is there and asks, with an explicit checkbox, whether to adopt it
 * (adopted files become part of the workspace and are never removed by Disconnect).
 */
export function SyncExistingFiles({
  existing,
  adopt,
  onAdopt,
  disabled,
}: {
  existing: ExistingFiles;
  adopt: boolean;
  onAdopt: (adopt: boolean) => void;
  disabled: boolean;
}) {
  const names = existing.files.length ? existing.files : existing.dirs;
  return (
    <div className="notice warn" role="group" aria-label="Folder is not empty">
      <p>
        <code>{existing.path}</code> already holds {existing.files.length} files
        {existing.dirs.length ? ` in ${existing.dirs.length} folders` : ''}:
      </p>
      <ul className="plan" aria-label="Files already there">
        {names.slice(0, SHOWN).map((n) => (
          <li key={n}>
            <code>{n}</code>
          </li>
        ))}
        {names.length > SHOWN && <li className="muted">and {names.length - SHOWN} more</li>}
      </ul>
      <label className="field-row">
        <input
          type="checkbox"
          aria-label="Adopt these files"
          checked={adopt}
          disabled={disabled}
          onChange={(e) => onAdopt(e.target.checked)}
        />
        Adopt these files: they become part of your workspace here, and Disconnect never removes them from this folder.
      </label>
      <p className="muted">Or go Back and choose an empty folder.</p>
    </div>
  );
}
