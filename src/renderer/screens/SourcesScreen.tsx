import { useEffect, useState, type FormEvent } from 'react';
import type { SourceInfo, UpdateResult } from '../../shared/sources';
import { ErrorNotice } from '../components/ErrorNotice';
import { ContentCheckNotice } from '../components/sources/ContentCheckNotice';
import { IgnoreList } from '../components/sources/IgnoreList';
import { useSources } from '../stores/sources';

const short = (h?: string) => (h ? h.slice(0, 8) : '—');
const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');

/** Library sources: status, update with progress, what changed, versions and rollback, conflicts, adding a source. */
export function SourcesScreen() {
  const { sources, busy, error, changes, added, diff, versions, hostKey, refresh, dismiss } = useSources();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <div className="sources">
      <header className="side-head">
        <h2>Sources</h2>
        <span className="muted">Later sources override earlier ones; personal overrides all.</span>
      </header>
      {busy && <ProgressBar />}
      {error && (
        <div>
          <ErrorNotice error={error} />
          {!hostKey && (
            <button type="button" onClick={dismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
      {hostKey && <HostKeyPrompt />}
      {sources.kind === 'error' && <ErrorNotice error={sources.error} onRetry={() => void refresh()} />}
      {sources.kind === 'ready' && (
        <ol className="source-list" aria-label="Sources">
          {sources.value.map((s) => (
            <SourceCard key={s.name} source={s} />
          ))}
          <li className="source-card muted">personal — your own files, always win</li>
        </ol>
      )}
      {added && (
        <ContentCheckNotice source={added.name} findings={added.findings} needsApproval={added.needsApproval} />
      )}
      {changes && <WhatChanged result={changes} />}
      {diff && (
        <section aria-label="Diff" className="pad">
          <h3>
            {diff.source}/{diff.path}
          </h3>
          <pre className="code diff">{diff.text || '(no difference)'}</pre>
        </section>
      )}
      {versions && <Versions />}
      <AddSourceForm />
    </div>
  );
}

function ProgressBar() {
  const { busy, cancel } = useSources();
  if (!busy) return null;
  return (
    <div className="progress pad" aria-label="Progress">
      <span>
        {busy.action} {busy.source}: {busy.phase}
      </span>
      <progress
        max={100}
        {...(busy.percent !== undefined ? { value: busy.percent } : {})}
        aria-label={`${busy.action} progress`}
      />
      <button type="button" onClick={() => void cancel()}>
        Cancel
      </button>
    </div>
  );
}

function HostKeyPrompt() {
  const { hostKey, trustHostKey, dismiss } = useSources();
  if (!hostKey) return null;
  return (
    <div className="error-notice" role="dialog" aria-label="Trust SSH host">
      <strong>
        First connection to {hostKey.host}:{hostKey.port}.
      </strong>
      <p>Check this fingerprint with the server admin before trusting it:</p>
      <ul>
        {hostKey.fingerprints.map((f) => (
          <li key={f}>
            <code>{f}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={() => void trustHostKey()}>
        Trust this host
      </button>{' '}
      <button type="button" onClick={dismiss}>
        Don't trust
      </button>
    </div>
  );
}

function SourceCard({ source: s }: { source: SourceInfo }) {
  const { busy, update, rollback, rollforward, unpin, showVersions, showDiff, resolve, remove } = useSources();
  const disabled = !!busy;
  return (
    <li className="source-card" aria-label={`Source ${s.name}`} data-source={s.name}>
      <div className="source-head">
        <strong>
          {s.precedence + 1}. {s.name}
        </strong>
        <span className="muted">{s.url}</span>
      </div>
      <dl className="fields">
        <dt>branch</dt>
        <dd>{s.branch ?? '—'}</dd>
        <dt>commit</dt>
        <dd>
          <code>{short(s.commit)}</code> {s.commitSubject}
        </dd>
        {s.kind === 'git' && (
          <>
            <dt>behind / ahead</dt>
            <dd>
              {s.behind ?? '?'} / {s.ahead ?? '?'}
            </dd>
            <dt>last update</dt>
            <dd>{when(s.lastUpdate)}</dd>
          </>
        )}
        {s.pinned && (
          <>
            <dt>pinned</dt>
            <dd>{s.pinned}</dd>
          </>
        )}
        {s.localChanges.length > 0 && (
          <>
            <dt>local edits</dt>
            <dd>{s.localChanges.join(', ')}</dd>
          </>
        )}
      </dl>
      {s.conflicts.length > 0 && (
        <ul className="conflicts" aria-label={`Conflicts in ${s.name}`}>
          {s.conflicts.map((c) => (
            <li key={c.path}>
              <code>{c.path}</code> changed upstream and by you (your version is in use){' '}
              <button type="button" disabled={disabled} onClick={() => void resolve(s.name, c.path, 'mine')}>
                Keep mine
              </button>{' '}
              <button type="button" disabled={disabled} onClick={() => void resolve(s.name, c.path, 'theirs')}>
                Take theirs
              </button>{' '}
              <button type="button" onClick={() => void showDiff(s.name, c.path)}>
                Diff
              </button>
            </li>
          ))}
        </ul>
      )}
      <IgnoreList source={s} />
      {s.kind === 'git' && (
        <div className="actions">
          <button type="button" className="primary" disabled={disabled} onClick={() => void update(s.name)}>
            Update
          </button>
          <button type="button" disabled={disabled} onClick={() => void showVersions(s.name)}>
            Versions
          </button>
          <button type="button" disabled={disabled || !s.canRollback} onClick={() => void rollback(s.name)}>
            Roll back
          </button>
          <button type="button" disabled={disabled || !s.canRollforward} onClick={() => void rollforward(s.name)}>
            Roll forward
          </button>
          {s.pinned && (
            <button type="button" disabled={disabled} onClick={() => void unpin(s.name)}>
              Unpin
            </button>
          )}
          <button type="button" disabled={disabled} onClick={() => void remove(s.name)}>
            Remove
          </button>
        </div>
      )}
    </li>
  );
}

function WhatChanged({ result }: { result: UpdateResult }) {
  const { showDiff } = useSources();
  const files: Array<[string, string]> = [
    ...result.files.added.map((f) => ['added', f] as [string, string]),
    ...result.files.modified.map((f) => ['modified', f] as [string, string]),
    ...result.files.deleted.map((f) => ['deleted', f] as [string, string]),
  ];
  return (
    <section className="pad" aria-label="What changed">
      <h3>What changed</h3>
      <p>{result.message}</p>
      <ContentCheckNotice source={result.source} findings={result.findings} needsApproval={result.needsApproval} />
      {result.commits.length > 0 && (
        <ul aria-label="Commits">
          {result.commits.slice(0, 100).map((c) => (
            <li key={c.hash}>
              <code>{short(c.hash)}</code> {c.subject}{' '}
              <span className="muted">
                — {c.author}, {when(c.date)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul aria-label="Files">
          {files.map(([kind, f]) => (
            <li key={f}>
              <span className={`badge change-${kind}`}>{kind}</span> <code>{f}</code>{' '}
              {result.from && result.to && (
                <button type="button" onClick={() => void showDiff(result.source, f, result.from, result.to)}>
                  Show diff
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Versions() {
  const { versions, busy, pin } = useSources();
  if (!versions) return null;
  return (
    <section className="pad" aria-label="Versions">
      <h3>Versions of {versions.source}</h3>
      <ul>
        {versions.entries.map((e) => (
          <li key={e.hash}>
            {e.current ? '● ' : e.incoming ? '＋ ' : '　'}
            <code>{short(e.hash)}</code> {e.subject}{' '}
            <span className="muted">
              — {e.author}, {when(e.date)}
            </span>{' '}
            {!e.current && (
              <button type="button" disabled={!!busy} onClick={() => void pin(versions.source, e.hash)}>
                Pin here
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AddSourceForm() {
  const { add, busy } = useSources();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [branch, setBranch] = useState('');
  const [sshKey, setSshKey] = useState('');
  const [token, setToken] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await add({
      url,
      ...(name ? { name } : {}),
      ...(branch ? { branch } : {}),
      ...(sshKey ? { sshKey } : {}),
      ...(token ? { token } : {}),
    });
    if (ok) {
      setName('');
      setUrl('');
      setBranch('');
      setSshKey('');
      setToken('');
    }
  };
  return (
    <form className="pad add-source" aria-label="Add a source" onSubmit={(e) => void submit(e)}>
      <h3>Add a source</h3>
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} placeholder="team" />
      </label>
      <label>
        URL{' '}
        <input
          value={url}
          required
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://… or git@host:org/repo.git"
        />
      </label>
      <label>
        Branch <input value={branch} onChange={(e) => setBranch(e.target.value)} placeholder="default branch" />
      </label>
      <label>
        SSH key{' '}
        <input value={sshKey} onChange={(e) => setSshKey(e.target.value)} placeholder="/home/me/.ssh/id_ed25519" />
      </label>
      <label>
        HTTPS token{' '}
        <input
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder="stored encrypted"
        />
      </label>
      <button type="submit" className="primary" disabled={!!busy || !url}>
        Add source
      </button>
    </form>
  );
}
