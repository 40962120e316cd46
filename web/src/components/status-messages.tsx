import { ApiError } from '../api.ts';

export function Loading(props: { what?: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      Loading{props.what ? ` ${props.what}` : ''}…
    </p>
  );
}

/**
 * Server mode answers 404 ATHLETE_NOT_FOUND for a category the athlete did not share with the person looking
 * (the same answer as for an athlete that does not exist, so ids cannot be probed): said as such, not as a fault.
 */
export function NotShared() {
  return (
    <div class="not-shared" role="status">
      <p>
        <strong>Not shared with you.</strong> The athlete has not shared what this screen shows with you. They
        choose what to share on their Sharing page.
      </p>
    </div>
  );
}

/** A failed request, with the server's stable code so a bug report can quote it. */
export function ErrorMessage(props: { error: Error; retry?: () => void }) {
  const code = props.error instanceof ApiError ? props.error.code : null;
  if (code === 'ATHLETE_NOT_FOUND') return <NotShared />;
  if (code === 'NOT_SIGNED_IN') {
    return (
      <div class="error" role="alert">
        <p>
          You are signed out (after 30 minutes without use, or 12 hours after signing in).{' '}
          <a href="/">Sign in again</a>.
        </p>
      </div>
    );
  }
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
