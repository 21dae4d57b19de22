import { useEffect } from 'react';
import { getApi } from '../api/client';
import { useSync } from '../stores/sync';

/** A notice naming the personal files that changed on another machine (from `sync:incoming` events). */
export function IncomingNotice() {
  const { incoming, addIncoming, loadIncoming, dismissIncoming, setProgress } = useSync();
  useEffect(() => {
    void loadIncoming();
    const offIncoming = getApi().on('sync:incoming', (e) => addIncoming(e.paths, e.at));
    const offProgress = getApi().on('progress', (p) => {
      if (p.operation === 'sync:setup' || p.operation === 'sync:disconnect') setProgress(p.done ? undefined : p.phase);
    });
    return () => {
      offIncoming();
      offProgress();
    };
  }, [addIncoming, loadIncoming, setProgress]);
  if (!incoming.length) return null;
  const shown = incoming.slice(0, 5).map((c) => c.path);
  return (
    <div className="incoming-notice" role="status" aria-label="Changed on another machine">
      <span>
        Changed on another machine: {shown.join(', ')}
        {incoming.length > shown.length ? ` and ${incoming.length - shown.length} more` : ''}. Agents using these files
        may need reinstalling.
      </span>
      <button type="button" onClick={() => void dismissIncoming()}>
        Dismiss
      </button>
    </div>
  );
}
