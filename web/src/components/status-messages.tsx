import { ApiError } from '../api.ts';

export function Loading(props: { what?: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      Loading{props.what ? ` ${props.what}` : ''}…
    </p>
  );
}

/** A failed request, with the server's stable code so a bug report can quote it. */
export function ErrorMessage(props: { error: Error; retry?: () => void }) {
  const code = props.error instanceof ApiError ? props.error.code : null;
  return (
    <div class="error" role="alert">
      <p>
        {props.error.message}
        {code && <span class="code"> ({code})</span>}
      </p>
      {props.retry && (
        <button type="button" onClick={props.retry}>
          Try again
        </button>
      )}
    </div>
  );
}
