/**
 * The time range of the Training charts: four radio buttons drawn as a segmented control. Native radios keep
 * arrow-key movement and the group's name for screen readers.
 */
import { TRAINING_RANGES, type TrainingRangeId } from '../charts/load-chart-data.ts';

export function TrainingRangePicker(props: {
  value: TrainingRangeId;
  onChange: (range: TrainingRangeId) => void;
}) {
  return (
    <fieldset class="range-picker">
      <legend>Show</legend>
      <div class="segmented">
        {TRAINING_RANGES.map((range) => (
          <label key={range.id}>
            <input
              type="radio"
              name="training-range"
              value={range.id}
              checked={props.value === range.id}
              onChange={() => props.onChange(range.id)}
            />
            <span>{range.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
