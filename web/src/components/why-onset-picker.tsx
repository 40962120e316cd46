/**
 * Which pain onset `why` explains: the runner's journal episodes (grouped as the server groups them), or any
 * day they type. Nothing chosen = the latest episode, as `kneewise why` does.
 */
import { useState } from 'preact/hooks';
import type { PainEpisode } from '../types/why.ts';

export function WhyOnsetPicker(props: {
  episodes: readonly PainEpisode[];
  /** The onset shown now. */
  onset: string | null;
  today: string;
  onChange: (onset: string | null) => void;
}) {
  const [typed, setTyped] = useState(props.onset ?? '');
  const known = props.episodes.some((e) => e.onset === props.onset);
  return (
    <form
      class="why-onset card"
      onSubmit={(event) => {
        event.preventDefault();
        props.onChange(typed === '' ? null : typed);
      }}
    >
      {props.episodes.length > 1 && (
        <div>
          <label for="why-episode">Pain episode</label>
          <select
            id="why-episode"
            value={known ? (props.onset ?? '') : ''}
            onChange={(event) => {
              const value = (event.currentTarget as HTMLSelectElement).value;
              setTyped(value);
              props.onChange(value === '' ? null : value);
            }}
          >
            {!known && <option value="">Choose an episode</option>}
            {[...props.episodes].reverse().map((e) => (
              <option key={e.onset} value={e.onset}>
                Began {e.onset}
                {e.lastDate !== e.onset ? `, last noted ${e.lastDate}` : ''} (worst {e.peakPain}/10)
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="row why-onset-date">
        <div>
          <label for="why-onset-date">
            {props.episodes.length > 1 ? 'Or the day the pain began' : 'The day the pain began'}
          </label>
          <input
            id="why-onset-date"
            type="date"
            max={props.today}
            value={typed}
            onInput={(event) => setTyped((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="secondary">
          Explain this day
        </button>
      </div>
    </form>
  );
}
