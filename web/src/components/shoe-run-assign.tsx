/**
 * Which pair each recent run was in: one choice per run (a pair in use, or none), saved as soon as it changes,
 * so a run an export left without shoes can be given its pair here as with `kneewise shoes assign`.
 */
import { useState } from 'preact/hooks';
import { useApi } from '../api.ts';
import { useUnits } from '../settings-context.tsx';
import type { ShoeView } from '../types/shoes.ts';
import { assignShoe, messageOf, unassignShoes } from './shoe-actions.ts';
import type { ShoeChange } from './shoe-card.tsx';

interface RunRow {
  id: string;
  localDate: string;
  sport: string;
  distanceM: number;
  name: string | null;
  shoe: string | null;
}

/** How many of the latest runs are listed: enough for the weeks a change of shoes matters in. */
const RECENT_RUNS = 20;

export function ShoeRunAssign(props: { shoes: ShoeView[]; onChanged: (change: ShoeChange) => void }) {
  const units = useUnits();
  const runs = useApi<{ activities: RunRow[] }>(`/activities?sport=run&limit=${RECENT_RUNS}`);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pairs = props.shoes.filter((s) => s.retiredAt === null);

  const choose = async (run: RunRow, shoeId: string) => {
    setBusy(run.id);
    setError(null);
    try {
      const label = `${run.localDate} (${units.distance(run.distanceM)})`;
      if (shoeId === '') {
        await unassignShoes([run.id]);
        props.onChanged({ message: `The run of ${label} has no shoes now.` });
      } else {
        await assignShoe(shoeId, [run.id]);
        const name = pairs.find((s) => s.id === shoeId)?.name ?? '';
        props.onChanged({ message: `The run of ${label} is now in "${name}".` });
      }
      runs.reload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const list = runs.data?.activities ?? [];
  return (
    <section aria-labelledby="shoes-runs-title" class="card shoe-runs">
      <h2 id="shoes-runs-title">Shoes of your recent runs</h2>
      {runs.error && <p role="alert">Your runs could not be read: {runs.error.message}</p>}
      {runs.data && list.length === 0 && <p class="muted">No runs yet.</p>}
      {list.length > 0 && pairs.length === 0 && (
        <p class="muted">Add a pair first, then choose it for your runs here.</p>
      )}
      {list.length > 0 && pairs.length > 0 && (
        <ul class="shoe-run-list">
          {list.map((run) => {
            const current = pairs.find((s) => s.name === run.shoe)?.id ?? '';
            const id = `run-shoe-${run.id}`;
            return (
              <li key={run.id} class="row" data-run={run.localDate}>
                <label for={id}>
                  {run.localDate} · {units.distance(run.distanceM)}
                  {run.name ? ` · ${run.name}` : ''}
                </label>
                <select
                  id={id}
                  value={current}
                  disabled={busy !== null}
                  onChange={(event) => void choose(run, (event.currentTarget as HTMLSelectElement).value)}
                >
                  <option value="">No shoes</option>
                  {pairs.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
