/**
 * The athlete's rights over their account: export everything (JSON, or FHIR R4 for health software) and delete
 * the account with all its data. Both need the password entered in the last 10 minutes: the downloads go
 * through api.ts (which asks for it on 403 REAUTHENTICATION_REQUIRED) and are then handed to the browser.
 */
import { useState } from 'preact/hooks';
import { accountApi } from '../api.ts';
import { ErrorMessage } from '../components/status-messages.tsx';

const DELETE_PHRASE = 'delete my account';

function saveJson(data: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function AccountRights(props: { athleteId: string }) {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [phrase, setPhrase] = useState('');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  const exportAs = (path: string, fileName: string) =>
    run(async () => {
      saveJson(
        await accountApi<unknown>(`/athletes/${encodeURIComponent(props.athleteId)}${path}`),
        fileName,
      );
    });

  return (
    <div class="cards">
      <section class="card" aria-labelledby="export-title">
        <h3 id="export-title">Export all my data</h3>
        <p>Every run, journal entry, knee check, shoe and setting, to keep or take elsewhere.</p>
        <p class="row">
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => void exportAs('/export', 'kneewise-export.json')}
          >
            Export (JSON)
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => void exportAs('/export/fhir', 'kneewise-fhir.json')}
          >
            Export for health software (FHIR)
          </button>
        </p>
      </section>
      <section class="card" aria-labelledby="delete-account-title">
        <h3 id="delete-account-title">Delete my account</h3>
        <p>Deletes your account and every piece of your data on this server. It cannot be undone.</p>
        <label for="delete-phrase">Type “{DELETE_PHRASE}” to confirm</label>
        <input id="delete-phrase" value={phrase} onInput={(e) => setPhrase(e.currentTarget.value)} />
        <p>
          <button
            type="button"
            class="danger"
            disabled={busy || phrase.trim() !== DELETE_PHRASE}
            onClick={() =>
              void run(async () => {
                await accountApi('/auth/account', { method: 'DELETE', body: { confirm: DELETE_PHRASE } });
                location.assign('/');
              })
            }
          >
            Delete my account
          </button>
        </p>
      </section>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
