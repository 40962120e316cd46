/**
 * The invitation link's page (`/join#token=…`): a new person makes their account (name and password), someone
 * signed in joins as themselves (POST /api/join). An athlete's link also files the organisation's request to
 * see their data, which the athlete then accepts or declines on their Sharing page: nothing is shared by joining.
 */
import { useState } from 'preact/hooks';
import { ApiError, accountApi } from '../api.ts';
import { tokenFromHash } from './server-page.ts';
import type { Me } from './server-types.ts';
import { SignInScreen } from './sign-in.screen.tsx';

interface Joined {
  userId: string;
  orgId: string;
  athleteId: string | null;
  grantId: string | null;
}

function joinProblem(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'LINK_INVALID') {
      return 'This invitation link does not work any more: it was used already, or it is older than 7 days. Ask for a new one.';
    }
    return error.message;
  }
  return 'The server could not be reached. Check your connection and try again.';
}

function JoinedMessage(props: { joined: Joined }) {
  return (
    <div class="card" role="status">
      <h2>You have joined</h2>
      {props.joined.grantId ? (
        <p>
          The organisation has asked to see some of your data. Nothing is shared until you accept: open{' '}
          <a href="/sharing">Sharing</a> to see what they ask for and why.
        </p>
      ) : (
        <p>
          Your athletes appear on your <a href="/">roster</a> once they share their data with you.
        </p>
      )}
    </div>
  );
}

export function JoinScreen(props: { me: Me | null; onSignedIn: (me: Me) => void }) {
  const token = tokenFromHash(location.hash);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [joined, setJoined] = useState<Joined | null>(null);
  const [busy, setBusy] = useState(false);

  const join = async (body: Record<string, string>) => {
    if (!token) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await accountApi<Joined>('/join', { body: { token, ...body } });
      // The link is used: keep it out of the address bar and the history.
      history.replaceState(null, '', location.pathname);
      setJoined(result);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ACCOUNT_EXISTS') setNeedsSignIn(true);
      else setProblem(joinProblem(error));
    } finally {
      setBusy(false);
    }
  };

  if (!token && !joined) {
    return (
      <main id="main" class="server-page">
        <h1>Join kneewise</h1>
        <p class="error" role="alert">
          This address holds no invitation. Open the whole link you were sent (it ends with #token=…).
        </p>
      </main>
    );
  }
  if (needsSignIn && !props.me) {
    return (
      <SignInScreen
        onSignedIn={(me) => {
          props.onSignedIn(me);
          setNeedsSignIn(false);
          void join({});
        }}
      >
        <p class="muted">You already have an account for this e-mail: sign in, and you join at once.</p>
      </SignInScreen>
    );
  }
  return (
    <main id="main" class="server-page">
      <h1>Join kneewise</h1>
      {joined ? (
        <JoinedMessage joined={joined} />
      ) : props.me ? (
        <div class="card server-form">
          <p>
            You are signed in as <strong>{props.me.user.displayName}</strong> ({props.me.user.email}).
          </p>
          {problem && (
            <p class="error" role="alert">
              {problem}
            </p>
          )}
          <button type="button" disabled={busy} onClick={() => void join({})}>
            Join as {props.me.user.displayName}
          </button>
        </div>
      ) : (
        <form
          class="card server-form"
          onSubmit={(e) => {
            e.preventDefault();
            void join({ displayName: displayName.trim(), password });
          }}
        >
          <p>Make your account: your e-mail is the one the invitation was sent to.</p>
          <label for="join-name">Your name</label>
          <input
            id="join-name"
            autoComplete="name"
            required
            maxLength={200}
            value={displayName}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
          <label for="join-password">Choose a password (at least 12 characters)</label>
          <input
            id="join-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={256}
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
              Make my account
            </button>
          </p>
          <p>
            <button type="button" class="secondary" onClick={() => setNeedsSignIn(true)}>
              I already have an account
            </button>
          </p>
        </form>
      )}
    </main>
  );
}
