import type { IpcError } from '../../shared/errors';

/** An expected failure as a person reads it: what happened, what to do, and the id to quote. */
export function ErrorNotice({ error, onRetry }: { error: IpcError; onRetry?: () => void }) {
  return (
    <div className="error-notice" role="alert">
      <strong>{error.message}</strong>
      <p>{error.hint}</p>
      {error.correlationId && <p className="muted">Reference: {error.correlationId}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
