/**
 * A 0–10 pain slider that says its value in numbers and words ("4/10, moderate"), to the eye and to a
 * screen reader (aria-valuetext). "Not noted" leaves the score out rather than recording a 0 that was never
 * felt; a score already stored cannot be un-noted (the API can change a score, not erase it).
 */
import { painBand, painText } from './pain-words.ts';

export function PainScoreInput(props: {
  id: string;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  /** The entry being edited already holds this score. */
  keepNoted?: boolean;
}) {
  const noted = props.value !== null;
  const value = props.value ?? 0;
  return (
    <div class="pain-score" data-band={noted ? painBand(value) : 'unset'}>
      <label for={props.id}>{props.label}</label>
      <div class="pain-score-row">
        <input
          id={props.id}
          type="range"
          min={0}
          max={10}
          step={1}
          value={value}
          disabled={!noted}
          aria-valuetext={noted ? painText(value) : 'not noted'}
          onInput={(e) => props.onChange(Number(e.currentTarget.value))}
        />
        <output for={props.id} class="pain-score-value" aria-hidden="true">
          {noted ? painText(value) : 'not noted'}
        </output>
      </div>
      <div class="knee-choice-row pain-score-unset">
        <input
          id={`${props.id}-unset`}
          type="checkbox"
          checked={!noted}
          disabled={props.keepNoted === true}
          onChange={(e) => props.onChange(e.currentTarget.checked ? null : value)}
        />
        <label for={`${props.id}-unset`}>
          <span class="visually-hidden">{props.label}: </span>Not noted
        </label>
      </div>
    </div>
  );
}
