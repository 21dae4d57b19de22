import { useEffect, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { useSecrets } from '../stores/secrets';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** How secrets reach tool files, shown when there are none yet. */
function HowSecretsWork() {
  return (
    <div className="pad">
      <p>
        <strong>No secrets yet.</strong>
      </p>
      <p className="muted">
        An agent&apos;s MCP server can name a secret instead of holding it: write <code>{'${GITHUB_TOKEN}'}</code> (the
        environment first, then this store) or <code>{'${secret:GITHUB_TOKEN}'}</code> (this store only) in its{' '}
        <code>env</code> or <code>headers</code>. Installing the agent puts the value into the tool&apos;s file
        (readable only by you); history keeps the placeholder, never the value. From a terminal:{' '}
        <code>ai-config secret set GITHUB_TOKEN</code>.
      </p>
    </div>
  );
}

/** The form that adds a secret, or replaces one when the name exists. The value field is cleared after a save. */
function SecretForm({ names }: { names: ReadonlyArray<string> }) {
  const { save, busy } = useSecrets();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const valid = NAME.test(name) && value.length > 0;
  const exists = names.includes(name);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    if (await save(name, value)) {
      setName('');
      setValue('');
    } else setValue('');
  };
  return (
    <form className="secret-form" onSubmit={(e) => void submit(e)} aria-label="Add secret">
      <label>
        Name{' '}
        <input
          aria-label="Secret name"
          placeholder="GITHUB_TOKEN"
          value={name}
          onChange={(e) => setName(e.target.value.trim())}
        />
      </label>
      <label>
        Value{' '}
        <input
          aria-label="Secret value"
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!valid || !!busy}>
        {exists ? 'Replace secret' : 'Add secret'}
      </button>
      {name && !NAME.test(name) && (
        <p className="muted">
          A name starts with a letter or &quot;_&quot; and holds only letters, digits and &quot;_&quot;.
        </p>
      )}
    </form>
  );
}

/** Secrets: the names in the encrypted store, when each was set, and a form to add, replace or remove one. */
export function SecretsScreen() {
  const { secrets, busy, error, notice, load, remove, dismiss } = useSecrets();
  const [confirming, setConfirming] = useState<string | undefined>();
  useEffect(() => {
    void load();
  }, [load]);
  const names = secrets.kind === 'ready' ? secrets.value.map((s) => s.name) : [];
  return (
    <div className="page secrets-page">
      <header className="page-head">
        <h2>Secrets</h2>
        <button type="button" onClick={() => void load()} disabled={secrets.kind === 'loading'}>
          Reload
        </button>
      </header>
      {error && <ErrorNotice error={error} onRetry={dismiss} />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <SecretForm names={names} />
      {secrets.kind === 'loading' || secrets.kind === 'idle' ? (
        <p className="muted pad" role="status">
          Loading secrets…
        </p>
      ) : secrets.kind === 'error' ? (
        <ErrorNotice error={secrets.error} onRetry={() => void load()} />
      ) : secrets.value.length === 0 ? (
        <HowSecretsWork />
      ) : (
        <table className="secrets-table" aria-label="Secrets">
          <thead>
            <tr>
              <th>Name</th>
              <th>Set</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {secrets.value.map((s) => (
              <tr key={s.name}>
                <td>
                  <code>{s.name}</code>
                </td>
                <td>{s.setAt ? new Date(s.setAt).toLocaleString() : 'unknown'}</td>
                <td>
                  {confirming === s.name ? (
                    <span role="group" aria-label={`Confirm removing ${s.name}`}>
                      Remove {s.name}? Tool files keep the value until you install again.{' '}
                      <button
                        type="button"
                        disabled={busy === s.name}
                        onClick={() => {
                          setConfirming(undefined);
                          void remove(s.name);
                        }}
                      >
                        Remove
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(undefined)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirming(s.name)} disabled={!!busy}>
                      Remove…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
