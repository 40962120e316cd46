/**
 * Signing in to a kneewise server: e-mail and password (POST /api/auth/login). A wrong password and an unknown
 * account get the same words (the server does not say which); too many failures say when to try again.
 * `children` is the slot for other ways to sign in (passkeys, the clinic's single sign-on), shown below.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { accountApi } from '../api.ts';
import type { Me } from './server-types.ts';
import { signInProblem } from './sign-in-words.ts';

export function SignInScreen(props: { onSignedIn: (me: Me) => void; children?: ComponentChildren }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      props.onSignedIn(await accountApi<Me>('/auth/login', { body: { email: email.trim(), password } }));
    } catch (error) {
      setProblem(signInProblem(error));
      setBusy(false);
    }
  };

  return (
    <main id="main" class="server-page">
      <h1>Sign in to kneewise</h1>
      <form class="card server-form" onSubmit={(e) => void submit(e)}>
        <label for="sign-in-email">E-mail</label>
        <input
          id="sign-in-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
        <p>
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </p>
        <p class="muted">
          Forgot your password? Ask your organisation's administrator for a reset link. New here? Use the
          invitation link you were sent.
        </p>
      </form>
      {props.children && <div class="other-sign-in">{props.children}</div>}
    </main>
  );
}
