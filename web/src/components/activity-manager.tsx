/**
 * One run at a time, on the Settings screen: leave a bad recording out of the analysis (and count it again),
 * or delete it, so a single wrong file never needs "delete all my data". Runs whose date cannot be right are
 * listed first, marked, since the analyses already skip them.
 */
import './activity-manager.css';
import { useState } from 'preact/hooks';
import { api, useApi } from '../api.ts';
import { useAppState, useUnits } from '../settings-context.tsx';
import { ErrorMessage, Loading } from './status-messages.tsx';

/** The most recent runs shown; older ones are managed from the command line (kneewise activities). */
const SHOWN = 30;

interface ManagedActivity {
  id: string;
  localDate: string;
  sport: string;
  distanceM: number;
  name: string | null;
  excluded: boolean;
  ignoredBecause: 'excluded' | 'date' | null;
}

const NOTE: Record<'excluded' | 'date', string> = {
  excluded: 'left out of the analysis',
  date: 'its date cannot be right, so it is left out',
};

function Row(props: { activity: ManagedActivity; onChanged: () => void }) {
  const a = props.activity;
  const units = useUnits();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const act = async (method: string, path: string) => {
    setBusy(true);
    setError(null);
    try {
      await api(path, { method });
      props.onChanged();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const label = `${a.localDate} ${a.name ?? a.sport}`;
  return (
    <li class="activity-row" data-activity-id={a.id}>
      <span>
        <strong>{a.localDate}</strong> {a.name ?? a.sport} · {units.distance(a.distanceM)}
        {a.ignoredBecause && <span class="muted"> — {NOTE[a.ignoredBecause]}</span>}
      </span>
      <span class="row">
        {a.ignoredBecause !== 'date' && (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            aria-label={`${a.excluded ? 'Count again' : 'Leave out'}: ${label}`}
            onClick={() =>
              act('POST', `/activities/${encodeURIComponent(a.id)}/${a.excluded ? 'include' : 'exclude'}`)
            }
          >
            {a.excluded ? 'Count again' : 'Leave out'}
          </button>
        )}
        {confirming ? (
          <button
            type="button"
            class="danger"
            disabled={busy}
            aria-label={`Confirm delete: ${label}`}
            onClick={() => act('DELETE', `/activities/${encodeURIComponent(a.id)}`)}
          >
            {busy ? 'Deleting…' : 'Yes, delete'}
          </button>
        ) : (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            aria-label={`Delete: ${label}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        )}
      </span>
      {error && <ErrorMessage error={error} />}
    </li>
  );
}

export function ActivityManager() {
  const { refresh } = useAppState();
  const list = useApi<{ activities: ManagedActivity[] }>(`/activities?limit=${SHOWN}`);
  const changed = () => {
    list.reload();
    refresh();
  };
  const activities = [...(list.data?.activities ?? [])].reverse();
  // Runs the analyses skip come first: they are the ones a runner is here for.
  activities.sort((x, y) => Number(y.ignoredBecause === 'date') - Number(x.ignoredBecause === 'date'));
  return (
    <section class="card" aria-labelledby="activities-title">
      <h3 id="activities-title">One run at a time</h3>
      <p class="muted">
        A recording that went wrong can be left out of your load, the causes and your plans, or deleted.
        Importing a deleted file again brings it back; a run you left out stays left out.
      </p>
      {list.loading && <Loading what="your runs" />}
      {list.error && <ErrorMessage error={list.error} retry={list.reload} />}
      {list.data && activities.length === 0 && <p>No runs yet.</p>}
      {activities.length > 0 && (
        <ul class="activity-list">
          {activities.map((a) => (
            <Row key={a.id} activity={a} onChanged={changed} />
          ))}
        </ul>
      )}
    </section>
  );
}
