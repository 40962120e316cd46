/**
 * The dashboard in server mode (`kneewise serve --server`): asks who is signed in (GET /api/auth/me), shows the
 * sign-in screen otherwise, and picks the page by the address's path (server-page.ts). Members land on their
 * roster, an athlete with no organisation on their own Today; owners also have their Organisation page. The password prompt for sensitive actions sits
 * here once for every page.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, accountApi, viewAthlete } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { AthleteView } from './athlete-view.tsx';
import { JoinScreen } from './join.screen.tsx';
import { OidcSignIn } from './oidc-sign-in.tsx';
import { OrganisationScreen, ownedOrganisations } from './organisation.screen.tsx';
import { PasskeyList } from './passkey-list.tsx';
import { PasskeySignIn } from './passkey-sign-in.tsx';
import { ReauthPrompt } from './reauth-prompt.tsx';
import { ResetPasswordScreen } from './reset-password.screen.tsx';
import { RosterScreen } from './roster.screen.tsx';
import { ServerBar } from './server-bar.tsx';
import { athleteHref, type ServerPage, serverPageOf } from './server-page.ts';
import type { Me } from './server-types.ts';
import { SharingScreen } from './sharing.screen.tsx';
import { SignInScreen } from './sign-in.screen.tsx';
import './server.css';

type Session =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; me: Me }
  | { kind: 'failed'; error: Error };

function useSession(): [Session, (me: Me) => void, () => void] {
  const [session, setSession] = useState<Session>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    accountApi<Me>('/auth/me').then(
      (me) => setSession({ kind: 'signed-in', me }),
      (error: unknown) =>
        setSession(
          error instanceof ApiError && error.status === 401
            ? { kind: 'signed-out' }
            : { kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) },
        ),
    );
  }, [attempt]);
  return [session, (me) => setSession({ kind: 'signed-in', me }), () => setAttempt((n) => n + 1)];
}

function SignedIn(props: { me: Me; page: ServerPage }) {
  const { me, page } = props;
  if (page.kind === 'athlete') {
    return (
      <AthleteView
        athleteId={page.athleteId}
        header={<ServerBar me={me} current={page.athleteId === me.athleteId ? 'own' : 'athlete'} />}
      />
    );
  }
  viewAthlete(null);
  if (page.kind === 'sharing' && me.athleteId) {
    return (
      <>
        <ServerBar me={me} current="sharing" />
        <SharingScreen athleteId={me.athleteId} userId={me.user.id} />
        <div class="passkeys-below">
          <PasskeyList />
        </div>
      </>
    );
  }
  if (page.kind === 'organisation' && ownedOrganisations(me).length > 0) {
    return (
      <>
        <ServerBar me={me} current="organisation" />
        <OrganisationScreen me={me} />
      </>
    );
  }
  if (me.memberships.length === 0 && me.athleteId) {
    // An athlete only: their own screens are home.
    location.replace(athleteHref(me.athleteId));
    return <Loading what="your data" />;
  }
  return (
    <>
      <ServerBar me={me} current="roster" />
      <RosterScreen />
      <div class="passkeys-below">
        <PasskeyList />
      </div>
    </>
  );
}

export function ServerApp() {
  const page = serverPageOf(location.pathname);
  const [session, signedIn, retry] = useSession();
  let body = null;
  if (page.kind === 'reset-password') body = <ResetPasswordScreen />;
  else if (session.kind === 'loading') body = <Loading what="kneewise" />;
  else if (session.kind === 'failed') body = <ErrorMessage error={session.error} retry={retry} />;
  else if (page.kind === 'join')
    body = <JoinScreen me={session.kind === 'signed-in' ? session.me : null} onSignedIn={signedIn} />;
  else if (session.kind === 'signed-out')
    body = (
      <SignInScreen onSignedIn={signedIn}>
        <PasskeySignIn onSignedIn={signedIn} />
        <OidcSignIn />
      </SignInScreen>
    );
  else body = <SignedIn me={session.me} page={page} />;
  return (
    <>
      {body}
      <ReauthPrompt />
    </>
  );
}
