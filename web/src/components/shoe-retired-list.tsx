/**
 * Retired pairs, apart from those in use: distance and runs kept for the record, and deleting one (its runs
 * stay, without a pair) after a confirmation.
 */
import { useState } from 'preact/hooks';
import { useUnits } from '../settings-context.tsx';
import type { ShoeView } from '../types/shoes.ts';
import { deleteShoe, messageOf } from './shoe-actions.ts';
import type { ShoeChange } from './shoe-card.tsx';

function RetiredShoe(props: { shoe: ShoeView; onChanged: (change: ShoeChange) => void }) {
  const units = useUnits();
  const { shoe } = props;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setError(null);
    try {
      await deleteShoe(shoe.id);
      props.onChanged({
        message: `"${shoe.name}" deleted; their runs are kept.`,
        focus: 'shoes-retired-title',
      });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <li class="shoe-retired" data-shoe={shoe.name}>
      <div>
        <strong>{shoe.name}</strong>
        {(shoe.brand || shoe.model) && (
          <span class="muted"> {[shoe.brand, shoe.model].filter(Boolean).join(' ')}</span>
        )}
        <br />
        <span class="muted">
          {units.distance(shoe.distanceM)}, {shoe.runs} {shoe.runs === 1 ? 'run' : 'runs'}; retired{' '}
          {shoe.retiredAt}
        </span>
      </div>
      {confirming ? (
        <fieldset class="row shoe-delete-confirm">
          <legend>Delete {shoe.name} for good? Their runs stay.</legend>
          <button type="button" class="danger" onClick={remove}>
            Yes, delete
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </fieldset>
      ) : (
        <button type="button" class="secondary" onClick={() => setConfirming(true)}>
          Delete…<span class="visually-hidden"> {shoe.name}</span>
        </button>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export function ShoeRetiredList(props: {
  shoes: readonly ShoeView[];
  onChanged: (change: ShoeChange) => void;
}) {
  return (
    <section class="card shoes-retired shoes-screen-card" aria-labelledby="shoes-retired-title">
      <h2 id="shoes-retired-title" tabIndex={-1}>
        Retired
      </h2>
      {props.shoes.length === 0 ? (
        <p class="muted">No retired pairs.</p>
      ) : (
        <ul>
          {props.shoes.map((shoe) => (
            <RetiredShoe key={shoe.id} shoe={shoe} onChanged={props.onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
