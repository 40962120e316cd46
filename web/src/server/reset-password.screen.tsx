/**
 * The password-reset link's page (`/reset-password#token=…`, printed by `kneewise admin reset`): choose a new
 * password (POST /api/auth/reset-password). Every session of the account ends; the person then signs in.
 */
import { useState } from 'preact/hooks';
import { ApiError, accountApi } from '../api.ts';
import { tokenFromHash } from './server-page.ts';

export function ResetPasswordScreen() {
  const token = tokenFromHash(location.hash);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (password !== again) {
      setProblem('The two passwords differ: type the same one twice.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await accountApi('/auth/reset-password', { body: { token, password } });
      history.replaceState(null, '', location.pathname);
      setDone(true);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.code === 'LINK_INVALID'
          ? 'This reset link does not work any more: it was used already, or it is older than an hour. Ask for a new one.'
          : error instanceof Error
            ? error.message
            : String(error),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="server-page">
      <h1>Choose a new password</h1>
      {done ? (
        <div class="card" role="status">
          <p>Your password is changed, and every place you were signed in is signed out.</p>
          <p>
            <a class="button" href="/">
              Sign in
            </a>
          </p>
        </div>
      ) : !token ? (
        <p class="error" role="alert">
          This address holds no reset link. Open the whole link you were sent (it ends with #token=…).
        </p>
      ) : (
        <form class="card server-form" onSubmit={(e) => void submit(e)}>
          <label for="reset-password">New password (at least 12 characters)</label>
          <input
            id="reset-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={256}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <label for="reset-again">The same password again</label>
          <input
            id="reset-again"
            type="password"
            autoComplete="new-password"
            required
            value={again}
            onInput={(e) => setAgain(e.currentTarget.value)}
          />
          {problem && (
            <p class="error" role="alert">
              {problem}
            </p>
          )}
          <p>
            <button type="submit" disabled={busy}>
              Save my new password
            </button>
          </p>
        </form>
      )}
    </main>
  );
}
