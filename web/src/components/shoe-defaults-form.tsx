/**
 * Which kinds of run a pair is the default for (new runs without gear go to it): one pair per kind, so
 * choosing a kind here takes it from the pair that had it, as `kneewise shoes default` does.
 */
import { useState } from 'preact/hooks';
import type { ShoeView, Sport } from '../types/shoes.ts';

/** The running sports a pair can be the default for, in the runner's words. */
export const RUN_KINDS: readonly { sport: Sport; label: string }[] = [
  { sport: 'run', label: 'Runs' },
  { sport: 'trail_run', label: 'Trail runs' },
  { sport: 'treadmill_run', label: 'Treadmill runs' },
  { sport: 'track_run', label: 'Track runs' },
];

export function kindsLabel(sports: readonly Sport[]): string {
  return RUN_KINDS.filter((k) => sports.includes(k.sport))
    .map((k, i) => (i === 0 ? k.label : k.label.toLowerCase()))
    .join(', ');
}

export function ShoeDefaultsForm(props: {
  shoe: ShoeView;
  onSave: (sports: Sport[]) => Promise<void>;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState<Sport[]>(props.shoe.defaultFor);
  const others = props.shoe.defaultFor.filter((s) => !RUN_KINDS.some((k) => k.sport === s));
  return (
    <form
      class="shoe-defaults"
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSave([...others, ...chosen.filter((s) => !others.includes(s))]);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
    >
      <fieldset>
        <legend>New runs without shoes go to {props.shoe.name} when they are:</legend>
        {RUN_KINDS.map((k) => {
          const id = `default-${props.shoe.id}-${k.sport}`;
          return (
            <div class="row" key={k.sport}>
              <input
                type="checkbox"
                id={id}
                checked={chosen.includes(k.sport)}
                onChange={(event) => {
                  const on = (event.currentTarget as HTMLInputElement).checked;
                  setChosen((c) => (on ? [...c, k.sport] : c.filter((s) => s !== k.sport)));
                }}
              />
              <label for={id}>{k.label}</label>
            </div>
          );
        })}
        <p class="muted">
          Only runs from the day a pair came into use go to it; older runs keep what they had.
        </p>
      </fieldset>
      <div class="row">
        <button type="submit">Save defaults</button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
