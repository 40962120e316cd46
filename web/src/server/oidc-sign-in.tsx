/**
 * "Sign in with <your clinic>": one link per organisation whose members sign in through its own identity
 * provider (GET /api/auth/oidc). Following it leaves kneewise for the clinic's sign-in page and comes back
 * signed in; when kneewise refuses the return, it comes back with `#oidc-error=CODE`, put into words here.
 * Mount it in the sign-in screen's slot for other ways to sign in.
 */
import { useEffect, useState } from 'preact/hooks';
import { accountApi } from '../api.ts';

interface Provider {
  orgId: string;
  orgName: string;
}

const OIDC_ERROR_WORDS: Record<string, string> = {
  OIDC_NOT_LINKED:
    'Your organisation’s sign-in worked, but it does not match a member here. Join with your invitation link ' +
    'first, using the e-mail address your organisation knows you by.',
  OIDC_STATE_MISMATCH: 'That sign-in took too long or was started in another window. Please start again.',
  OIDC_REFUSED: 'Your organisation’s sign-in did not confirm who you are. Please try again.',
  OIDC_NOT_CONFIGURED: 'This organisation no longer signs in this way. Use your password or passkey.',
};

/** The refusal the callback sent back in the address, read once and then removed from it. */
function takeReturnedError(): string | null {
  const match = /^#oidc-error=([A-Z_]{1,60})$/.exec(window.location.hash);
  if (!match?.[1]) return null;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return OIDC_ERROR_WORDS[match[1]] ?? 'Signing in through your organisation did not work. Please try again.';
}

export function OidcSignIn() {
  const [providers, setProviders] = useState<Provider[]>([]);
  const [problem] = useState<string | null>(takeReturnedError);

  useEffect(() => {
    accountApi<{ providers: Provider[] }>('/auth/oidc')
      .then((answer) => setProviders(answer.providers))
      // Without the list the password form still works; nothing to say.
      .catch(() => setProviders([]));
  }, []);

  if (providers.length === 0 && !problem) return null;
  return (
    <section class="card oidc-sign-in" aria-labelledby="oidc-sign-in-title">
      <h2 id="oidc-sign-in-title">Your organisation’s sign-in</h2>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <ul>
        {providers.map((p) => (
          <li key={p.orgId}>
            <a class="button" href={`/api/auth/oidc/${encodeURIComponent(p.orgId)}/start`}>
              Sign in with {p.orgName}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
