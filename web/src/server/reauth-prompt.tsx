/**
 * The password prompt for actions that need it entered in the last 10 minutes (sharing, accepting a request,
 * exporting, deleting): when an API answers 403 REAUTHENTICATION_REQUIRED, api.ts asks this dialog, which
 * checks the password (POST /api/auth/reauthenticate) and lets the request be sent again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, accountApi, onReauthenticationRequired } from '../api.ts';
import { signInProblem } from './sign-in-words.ts';

interface Pending {
  resolve: (ok: boolean) => void;
}

export function ReauthPrompt() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    onReauthenticationRequired(
      () =>
        new Promise<boolean>((resolve) => {
          setPassword('');
          setProblem(null);
          setPending({ resolve });
        }),
    );
    return () => onReauthenticationRequired(null);
  }, []);

  useEffect(() => {
    if (pending && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [pending]);

  const finish = (ok: boolean) => {
    dialog.current?.close();
    pending?.resolve(ok);
    setPending(null);
    setBusy(false);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await accountApi('/auth/reauthenticate', { body: { password } });
      finish(true);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.code === 'INVALID_LOGIN'
          ? 'That is not your password. Try again.'
          : signInProblem(error),
      );
      setBusy(false);
    }
  };

  if (!pending) return null;
  return (
    <dialog
      ref={dialog}
      class="reauth"
      aria-labelledby="reauth-title"
      onCancel={(e) => {
        e.preventDefault();
        finish(false);
      }}
    >
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="reauth-title">Enter your password again</h2>
        <p>This shares or takes away health data, so kneewise checks it is still you.</p>
        <label for="reauth-password">Password</label>
        <input
          id="reauth-password"
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
        <p class="row">
          <button type="submit" disabled={busy}>
            Confirm
          </button>
          <button type="button" class="secondary" onClick={() => finish(false)}>
            Cancel
          </button>
        </p>
      </form>
    </dialog>
  );
}
