/**
 * One pair in use: distance in the runner's units, runs, the bar towards the reminder distances, the reminder
 * in plain words with what the evidence says, whether new runs go to it, and the actions (rename, make it the
 * default for runs, retire after a confirmation).
 */
import { useState } from 'preact/hooks';
import { useUnits } from '../settings-context.tsx';
import type { ShoeList, ShoeView } from '../types/shoes.ts';
import { messageOf, renameShoe, retireShoe, setShoeDefaults } from './shoe-actions.ts';
import { kindsLabel, ShoeDefaultsForm } from './shoe-defaults-form.tsx';
import { ShoeRenameForm } from './shoe-rename-form.tsx';
import { ShoeWearBar } from './shoe-wear-bar.tsx';

export interface ShoeChange {
  /** Said in the screen's live region ("Road Trainer retired."). */
  message: string;
  /** Where focus goes after the list reloads (a heading id), when the card it was on disappears. */
  focus?: string;
}

export function ShoeCard(props: {
  shoe: ShoeView;
  list: ShoeList;
  /** Absent when the person looking may only read (server mode): the card has no actions then. */
  onChanged?: (change: ShoeChange) => void;
}) {
  const units = useUnits();
  const { shoe } = props;
  const [mode, setMode] = useState<'view' | 'rename' | 'defaults' | 'confirm-retire'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isDefault = shoe.defaultFor.includes('run');
  const headingId = `shoe-${shoe.id}-name`;

  const act = async (work: () => Promise<ShoeChange>) => {
    setBusy(true);
    setError(null);
    try {
      const change = await work();
      setMode('view');
      props.onChanged?.(change);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class={`card shoe-card shoe-${shoe.status}`} aria-labelledby={headingId} data-shoe={shoe.name}>
      <div class="shoe-head">
        <h3 id={headingId}>{shoe.name}</h3>
        {kindsLabel(shoe.defaultFor) !== '' && (
          <span class="shoe-default-badge">★ Default for {kindsLabel(shoe.defaultFor).toLowerCase()}</span>
        )}
      </div>
      {(shoe.brand || shoe.model) && (
        <p class="muted shoe-make">{[shoe.brand, shoe.model].filter(Boolean).join(' ')}</p>
      )}
      <p class="shoe-distance">
        <span class="big-number">{units.distance(shoe.distanceM)}</span>{' '}
        <span class="muted">
          {shoe.runs} {shoe.runs === 1 ? 'run' : 'runs'}
          {shoe.firstRunDate && shoe.lastRunDate && `, ${shoe.firstRunDate} to ${shoe.lastRunDate}`}
        </span>
      </p>
      <ShoeWearBar shoe={shoe} thresholds={props.list.thresholds} />
      {shoe.alert && (
        <div class={`alert ${shoe.status === 'check' ? 'alert-warn' : 'alert-info'}`}>
          <p>{shoe.alert}</p>
          <p class="evidence">
            <span class="evidence-level">Folk wisdom</span> A reminder to look at them, not a rule: no trial
            shows that replacing shoes at a set distance prevents injury.{' '}
            <span class="source">Source: {props.list.evidence.source}</span>
          </p>
        </div>
      )}
      {mode === 'rename' && (
        <ShoeRenameForm
          shoe={shoe}
          onCancel={() => setMode('view')}
          onSave={(name) =>
            act(async () => {
              await renameShoe(shoe.id, name);
              return { message: `Renamed "${shoe.name}" to "${name}".` };
            })
          }
        />
      )}
      {mode === 'defaults' && (
        <ShoeDefaultsForm
          shoe={shoe}
          onCancel={() => setMode('view')}
          onSave={(sports) =>
            act(async () => {
              await setShoeDefaults(shoe.id, sports);
              const kinds = kindsLabel(sports).toLowerCase();
              return {
                message: kinds
                  ? `"${shoe.name}" is now the default for ${kinds}.`
                  : `"${shoe.name}" is no longer a default.`,
              };
            })
          }
        />
      )}
      {mode === 'confirm-retire' && (
        <fieldset class="shoe-confirm">
          <legend>Retire {shoe.name}?</legend>
          <p>
            Their runs keep them, they stop collecting new runs
            {isDefault ? ' and stop being the default' : ''}, and they move to Retired.
          </p>
          <div class="row">
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() =>
                act(async () => {
                  await retireShoe(shoe.id);
                  return { message: `"${shoe.name}" retired.`, focus: 'shoes-retired-title' };
                })
              }
            >
              Yes, retire them
            </button>
            <button type="button" class="secondary" onClick={() => setMode('view')}>
              Keep them
            </button>
          </div>
        </fieldset>
      )}
      {mode === 'view' && props.onChanged && (
        <div class="row shoe-actions">
          <button type="button" class="secondary" onClick={() => setMode('rename')}>
            Rename<span class="visually-hidden"> {shoe.name}</span>
          </button>
          {!isDefault && (
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() =>
                act(async () => {
                  await setShoeDefaults(shoe.id, [...shoe.defaultFor, 'run']);
                  return { message: `"${shoe.name}" is now the default for new runs.` };
                })
              }
            >
              Make default for runs<span class="visually-hidden"> ({shoe.name})</span>
            </button>
          )}
          <button type="button" class="secondary" onClick={() => setMode('defaults')}>
            Defaults…<span class="visually-hidden"> {shoe.name}</span>
          </button>
          <button type="button" class="secondary" onClick={() => setMode('confirm-retire')}>
            Retire…<span class="visually-hidden"> {shoe.name}</span>
          </button>
        </div>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
