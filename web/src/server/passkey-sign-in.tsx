/**
 * "Sign in with a passkey": asks the server for a challenge, lets the browser find a passkey for this site
 * (no e-mail needed: the passkey knows whose it is), and sends the signed answer back. Shown only where the
 * browser can use passkeys. Mount it in the sign-in screen's slot for other ways to sign in.
 */
import { useState } from 'preact/hooks';
import { accountApi } from '../api.ts';
import type { Me } from './server-types.ts';
import {
  assertionJSON,
  passkeyProblem,
  passkeysSupported,
  type RequestOptionsJSON,
  requestOptions,
} from './webauthn-json.ts';

export function PasskeySignIn(props: { onSignedIn: (me: Me) => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!passkeysSupported()) return null;

  const signIn = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { options } = await accountApi<{ options: RequestOptionsJSON }>('/auth/passkeys/login/options', {
        body: {},
      });
      const credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
      if (!(credential instanceof PublicKeyCredential)) {
        setBusy(false);
        return;
      }
      props.onSignedIn(
        await accountApi<Me>('/auth/passkeys/login/verify', {
          body: { response: assertionJSON(credential) },
        }),
      );
    } catch (error) {
      setProblem(passkeyProblem(error));
      setBusy(false);
    }
  };

  return (
    <section class="card passkey-sign-in" aria-labelledby="passkey-sign-in-title">
      <h2 id="passkey-sign-in-title">Passkey</h2>
      <p class="muted">Use the passkey you added on this device or your phone: no password to type.</p>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <p>
        <button type="button" onClick={() => void signIn()} disabled={busy}>
          {busy ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
        </button>
      </p>
    </section>
  );
}
