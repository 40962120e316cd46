/**
 * The runner's data on the Settings screen: export it all, import more runs, remove the demo runner, and
 * delete everything (typed confirmation, then back to the welcome screen).
 */
import { useState } from 'preact/hooks';
import { api, apiUrl } from '../api.ts';
import { ActivityManager } from '../components/activity-manager.tsx';
import { ErrorMessage } from '../components/status-messages.tsx';
import { UploadPanel } from '../components/upload-panel.tsx';
import { useAppState } from '../settings-context.tsx';
import { DELETE_ALL_PHRASE, type DeleteAllResponse, type RemoveDemoResponse } from '../types/settings.ts';

function asError(caught: unknown): Error {
  return caught instanceof Error ? caught : new Error(String(caught));
}

function RemoveDemo() {
  const { overview, refresh } = useAppState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const { removed } = await api<RemoveDemoResponse>('/demo', { method: 'DELETE' });
      // Nothing of the runner's own left: the welcome screen is the next step.
      if (overview.counts.activities - (removed.activities ?? 0) <= 0) location.hash = '#/welcome';
      refresh();
    } catch (caught) {
      setError(asError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="demo-title">
      <h3 id="demo-title">Demo data</h3>
      <p>The made-up demo runner is still here. Removing it leaves anything you imported yourself.</p>
      <button type="button" class="secondary" onClick={remove} disabled={busy}>
        {busy ? 'Removing…' : 'Remove demo data'}
      </button>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

function DeleteEverything() {
  const { refresh } = useAppState();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const confirmed = typed.trim().toLowerCase() === DELETE_ALL_PHRASE;
  const remove = async (event: Event) => {
    event.preventDefault();
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    try {
      await api<DeleteAllResponse>('/data', { method: 'DELETE', body: { confirm: DELETE_ALL_PHRASE } });
      location.hash = '#/welcome';
      refresh();
    } catch (caught) {
      setError(asError(caught));
      setBusy(false);
    }
  };
  return (
    <section class="danger-zone" aria-labelledby="danger-title">
      <h3 id="danger-title">Delete all my data</h3>
      <p>
        This removes every run, journal entry, knee check, shoe, plan session and setting kept by kneewise on
        this computer. It cannot be undone: export your data first if you may want it back. The files you
        imported from stay where they are.
      </p>
      <form onSubmit={remove} noValidate>
        <label for="delete-confirm">
          Type <strong>{DELETE_ALL_PHRASE}</strong> to confirm
        </label>
        <div class="row">
          <input
            id="delete-confirm"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
          <button type="submit" class="danger" disabled={!confirmed || busy}>
            {busy ? 'Deleting…' : 'Delete everything'}
          </button>
        </div>
      </form>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

export function SettingsData() {
  const { overview, refresh } = useAppState();
  return (
    <section class="settings-data" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <div class="cards">
        <section class="card" aria-labelledby="export-title">
          <h3 id="export-title">Export all my data</h3>
          <p>
            One JSON file with every run, journal entry, knee check, shoe and setting, to keep or to take
            elsewhere.
          </p>
          <a class="button secondary" href={apiUrl('/export')} download>
            Export all my data
          </a>
          <p class="muted">
            For a clinic's or another health app's records, the same history as a FHIR R4 file: runs, pain
            scores, knee checks and each pain episode's report.
          </p>
          <a class="button secondary" href={apiUrl('/export/fhir')} download>
            Export for health software (FHIR)
          </a>
        </section>
        {overview.hasDemo && <RemoveDemo />}
      </div>
      <section class="card" aria-labelledby="import-more-title">
        <h3 id="import-more-title">Import more runs</h3>
        <p class="muted">
          A newer export or extra files: activities already here are recognised and not added twice.
        </p>
        <UploadPanel
          headingLevel={4}
          onImported={refresh}
          actions={(again) => (
            <>
              <a class="button" href="#/today">
                Go to Today
              </a>
              <button type="button" class="secondary" onClick={again}>
                Import more files
              </button>
            </>
          )}
        />
      </section>
      {overview.counts.activities > 0 && <ActivityManager />}
      <DeleteEverything />
    </section>
  );
}
