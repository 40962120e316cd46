/**
 * The signed-in person's passkeys: add one (the server asks for the password again when it is older than ten
 * minutes: the registered prompt handles that), see where each was added and last used, remove one. Mount it
 * on an account screen.
 */
import { useState } from 'preact/hooks';
import { accountApi, useAccountApi } from '../api.ts';
import {
  attestationJSON,
  type CreationOptionsJSON,
  creationOptions,
  passkeyProblem,
  passkeysSupported,
} from './webauthn-json.ts';

interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

export function PasskeyList() {
  const { data, reload } = useAccountApi<{ passkeys: Passkey[] }>('/auth/passkeys');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const { options } = await accountApi<{ options: CreationOptionsJSON }>(
        '/auth/passkeys/registration/options',
        { body: {} },
      );
      const credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
      if (credential instanceof PublicKeyCredential) {
        await accountApi('/auth/passkeys/registration/verify', {
          body: { name: name.trim() || 'Passkey', response: attestationJSON(credential) },
        });
        setName('');
        reload();
      }
    } catch (error) {
      setProblem(passkeyProblem(error));
    }
    setBusy(false);
  };

  const remove = async (passkey: Passkey) => {
    setProblem(null);
    try {
      await accountApi(`/auth/passkeys/${encodeURIComponent(passkey.id)}`, { method: 'DELETE' });
      reload();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The passkey could not be removed.');
    }
  };

  return (
    <section class="card passkey-list" aria-labelledby="passkey-list-title">
      <h2 id="passkey-list-title">Passkeys</h2>
      <p class="muted">
        A passkey signs you in with your device’s lock (fingerprint, face or PIN) instead of your password.
      </p>
      {data && data.passkeys.length > 0 ? (
        <ul>
          {data.passkeys.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> — added {day(p.createdAt)}
              {p.lastUsedAt ? `, last used ${day(p.lastUsedAt)}` : ', not used yet'}{' '}
              <button type="button" class="secondary" onClick={() => void remove(p)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        data && <p>No passkeys yet.</p>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {passkeysSupported() ? (
        <form class="server-form" onSubmit={(e) => void add(e)}>
          <label for="passkey-name">Name for the new passkey</label>
          <input
            id="passkey-name"
            maxLength={100}
            placeholder="e.g. work laptop"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <p>
            <button type="submit" disabled={busy}>
              {busy ? 'Waiting for your device…' : 'Add a passkey'}
            </button>
          </p>
        </form>
      ) : (
        <p class="muted">This browser cannot use passkeys.</p>
      )}
    </section>
  );
}
