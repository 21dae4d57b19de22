import { useEffect } from 'react';
import type { DetectedProvider, SetupResult, SyncProviderKind } from '../../shared/sync';
import { useSync } from '../stores/sync';
import { ErrorNotice } from './ErrorNotice';
import { SyncExistingFiles } from './SyncExistingFiles';

const LABELS: Record<SyncProviderKind, string> = {
  syncthing: 'Syncthing',
  nextcloud: 'Nextcloud',
  dropbox: 'Dropbox',
  folder: 'Shared folder',
};
const STEPS = ['provider', 'folder', 'review', 'summary'] as const;
const STEP_LABELS = { provider: 'Provider', folder: 'Folder', review: 'Move & share', summary: 'Summary' } as const;
const ANY_FOLDER =
  'Any folder: a network share, a mounted drive, or a folder another tool syncs. ' +
  'It should be empty or hold a copy of this workspace; if it holds other files, you are shown them and asked ' +
  'whether to adopt them.';

/** The set-up wizard: provider, folder, review (move, ignore rules, share, verify), summary. */
export function SyncWizard() {
  const { providers, step, form, busy, progress, error, detect, choose, setField, go, setup } = useSync();
  const { existing, adoptExisting, setAdopt } = useSync();
  useEffect(() => {
    if (providers.kind === 'idle') void detect();
  }, [providers.kind, detect]);
  const chosen = providers.kind === 'ready' ? providers.value.find((p) => p.provider === form.provider) : undefined;

  return (
    <section className="wizard" aria-label="Set up sync">
      <ol className="wizard-steps">
        {STEPS.map((s, i) => (
          <li key={s} className={s === step ? 'current' : ''} aria-current={s === step ? 'step' : undefined}>
            {i + 1}. {STEP_LABELS[s]}
          </li>
        ))}
      </ol>

      {step === 'provider' && (
        <div className="wizard-body">
          <h3>Where should your personal workspace be shared?</h3>
          {providers.kind === 'loading' && <p className="muted">Looking for Syncthing, Nextcloud and Dropbox…</p>}
          {providers.kind === 'error' && <ErrorNotice error={providers.error} onRetry={() => void detect()} />}
          {providers.kind === 'ready' && (
            <div className="provider-list" role="radiogroup" aria-label="Provider">
              {providers.value.map((p) => (
                <ProviderCard
                  key={p.provider}
                  p={p}
                  selected={form.provider === p.provider}
                  onChoose={() => choose(p.provider)}
                />
              ))}
            </div>
          )}
          <div className="wizard-actions">
            <button type="button" onClick={() => void detect()}>
              Detect again
            </button>
            <button type="button" className="primary" disabled={!form.provider} onClick={() => go('folder')}>
              Next
            </button>
          </div>
        </div>
      )}

      {step === 'folder' && form.provider && (
        <div className="wizard-body">
          <h3>Choose the folder</h3>
          <p className="muted">
            {form.provider === 'folder'
              ? ANY_FOLDER
              : form.provider === 'syncthing'
                ? 'A new folder that Syncthing will share. Use the same folder ID on every machine.'
                : `A folder inside ${chosen?.roots.map((r) => r.path).join(' or ') ?? 'the synced folder'}.`}
          </p>
          <label className="field-row">
            Folder path
            <input
              aria-label="Folder path"
              value={form.path}
              onChange={(e) => setField('path', e.target.value)}
              placeholder="/path/to/shared/folder"
              spellCheck={false}
            />
          </label>
          {form.provider === 'syncthing' && (
            <>
              <label className="field-row">
                Other device ID (optional)
                <input
                  aria-label="Device ID"
                  value={form.device}
                  onChange={(e) => setField('device', e.target.value)}
                  placeholder="ABCDEFG-HIJKLMN-..."
                  spellCheck={false}
                />
              </label>
              <label className="field-row">
                Device address (optional)
                <input
                  aria-label="Device address"
                  value={form.deviceAddress}
                  onChange={(e) => setField('deviceAddress', e.target.value)}
                  placeholder="tcp://192.168.1.20:22000"
                  spellCheck={false}
                />
              </label>
              <label className="field-row">
                Syncthing config.xml (optional)
                <input
                  aria-label="Syncthing config"
                  value={form.syncthingConfig}
                  onChange={(e) => setField('syncthingConfig', e.target.value)}
                  placeholder="found automatically"
                  spellCheck={false}
                />
              </label>
              {chosen?.deviceId && (
                <p className="muted">
                  This device's ID (give it to the other machine): <code>{chosen.deviceId}</code>
                </p>
              )}
            </>
          )}
          <div className="wizard-actions">
            <button type="button" onClick={() => go('provider')}>
              Back
            </button>
            <button type="button" className="primary" disabled={!form.path.trim()} onClick={() => go('review')}>
              Next
            </button>
          </div>
        </div>
      )}

      {step === 'review' && form.provider && (
        <div className="wizard-body">
          <h3>Ready to move</h3>
          <ul className="plan" aria-label="What will happen">
            <li>
              Copy your personal workspace to <code>{form.path}</code> and check every file's SHA-256 hash.
            </li>
            <li>
              {form.provider === 'syncthing'
                ? 'Write .stignore'
                : form.provider === 'nextcloud'
                  ? 'Write .sync-exclude.lst'
                  : 'No ignore file is needed'}{' '}
              for temp and editor files.
            </li>
            {form.provider === 'syncthing' && (
              <li>
                Create the shared Syncthing folder{form.device ? ` and share it with ${form.device.slice(0, 7)}` : ''}.
              </li>
            )}
            <li>Switch to the new place, then remove the old copy (only after everything above succeeded).</li>
            <li>
              Verify with a probe file
              {form.provider === 'syncthing' && form.device ? ' and watch it reach the other device' : ''}.
            </li>
          </ul>
          <p className="muted">You can undo this with Disconnect: the workspace moves back.</p>
          {busy && (
            <p role="status" className="progress-line">
              {progress ?? 'Working'}…
            </p>
          )}
          {existing ? (
            <SyncExistingFiles existing={existing} adopt={adoptExisting} onAdopt={setAdopt} disabled={busy} />
          ) : (
            error && <ErrorNotice error={error} />
          )}
          <div className="wizard-actions">
            <button type="button" disabled={busy} onClick={() => go('folder')}>
              Back
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || (existing !== undefined && !adoptExisting)}
              onClick={() => void setup()}
            >
              {busy ? 'Moving…' : existing && adoptExisting ? 'Adopt and move workspace' : 'Move workspace'}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** What the set-up did, step by step. */
export function SetupSummary({ result }: { result: SetupResult }) {
  return (
    <section className="wizard-body" aria-label="Summary">
      <h3>Done</h3>
      <p>{result.message}</p>
      <ul className="plan">
        {result.steps.map((s) => (
          <li key={s.step} className={s.ok ? 'ok' : 'warn'}>
            <strong>{s.step}</strong> {s.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProviderCard({ p, selected, onChoose }: { p: DetectedProvider; selected: boolean; onChoose: () => void }) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={selected}
      className={`provider-card${selected ? ' selected' : ''}${p.found ? '' : ' missing'}`}
      onClick={onChoose}
    >
      <strong>{LABELS[p.provider]}</strong>
      <span className={p.found ? 'ok' : 'muted'}>{p.found ? 'found' : 'not found'}</span>
      <span className="muted">{p.summary}</span>
      {p.hint && <span className="muted">{p.hint}</span>}
    </button>
  );
}
