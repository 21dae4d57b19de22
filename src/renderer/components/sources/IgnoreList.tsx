import { useState, type FormEvent } from 'react';
import type { IpcError } from '../../../shared/errors';
import type { SourceInfo } from '../../../shared/sources';
import { useSources } from '../../stores/sources';
import { ErrorNotice } from '../ErrorNotice';

/** A source's ignore list on its card: the patterns, a field to add one, a button to remove each. */
export function IgnoreList({ source }: { readonly source: SourceInfo }) {
  const setIgnore = useSources((s) => s.setIgnore);
  const [draft, setDraft] = useState('');
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<IpcError>();
  const patterns = source.ignore ?? [];

  const run = async (pattern: string, remove: boolean) => {
    setPending(pattern);
    setError(undefined);
    const failed = await setIgnore(source.name, pattern, remove);
    setPending(undefined);
    if (failed) setError(failed);
    else if (!remove) setDraft('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) void run(draft.trim(), false);
  };

  return (
    <section className="ignore-list" aria-label={`Ignore list of ${source.name}`}>
      <h4>Ignored files</h4>
      {patterns.length ? (
        <ul>
          {patterns.map((p) => (
            <li key={p} data-pattern={p}>
              <code>{p}</code>{' '}
              <button
                type="button"
                className="link"
                aria-label={`Stop ignoring ${p}`}
                disabled={!!pending}
                onClick={() => void run(p, true)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing ignored: every supported file of this source is in the library.</p>
      )}
      <form onSubmit={submit}>
        <input
          aria-label={`Pattern to ignore in ${source.name}`}
          placeholder="docs/** or *.draft.md"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />{' '}
        <button type="submit" disabled={!!pending || !draft.trim()}>
          Ignore
        </button>
      </form>
      {pending && (
        <p className="muted" role="status">
          Saving and reindexing {source.name}…
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
