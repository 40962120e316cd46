/**
 * "How's your knee?": the quick check-in after a run, and the same form for editing an entry. Pick the run
 * (the day follows it), the knee, where (the knee map, compact), pain during / after / next morning, swelling
 * and a note. POST /pain for a new entry, PATCH /pain/:id for an edit.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { PAIN_MODEL, PAIN_TEXT } from '../../../src/domain/plans/pain-monitoring.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/status-messages.tsx';
import { KneeMap } from '../knee/knee-map.tsx';
import '../knee/choice-list.css';
import { shortDay } from '../format-dates.ts';
import { useUnits } from '../settings-context.tsx';
import type { PainLocation } from '../types/assessment.ts';
import type { PainBody, PainEntry, RunSummary } from '../types/journal.ts';
import { PainScoreInput } from './pain-score-input.tsx';

const NO_RUN = 'none';

interface Draft {
  run: string;
  date: string;
  side: '' | 'left' | 'right' | 'both';
  regions: PainLocation[];
  during: number | null;
  after: number | null;
  morning: number | null;
  swelling: '' | 'none' | 'mild' | 'severe';
  note: string;
}

function draftFor(
  entry: PainEntry | null,
  runs: readonly RunSummary[],
  today: string,
  recentFrom: string,
): Draft {
  if (entry) {
    return {
      run: entry.activityId ?? NO_RUN,
      date: entry.localDate,
      side: entry.side ?? '',
      regions: [...entry.regions],
      during: entry.painDuring,
      after: entry.painAfter,
      morning: entry.painNextMorning,
      swelling: entry.swelling ?? '',
      note: entry.note ?? '',
    };
  }
  // Right after a run is when people check in: offer the latest run if it was in the last few days.
  const latest = runs[0];
  const recent = latest !== undefined && latest.localDate >= recentFrom;
  return {
    run: recent ? latest.id : NO_RUN,
    date: recent ? latest.localDate : today,
    side: '',
    regions: [],
    during: 0,
    after: 0,
    morning: null,
    swelling: '',
    note: '',
  };
}

function bodyOf(d: Draft, editing: boolean): PainBody {
  const body: PainBody = { date: d.date, regions: d.regions, run: d.run };
  if (d.side !== '') body.side = d.side;
  if (d.during !== null) body.during = d.during;
  if (d.after !== null) body.after = d.after;
  if (d.morning !== null) body.morning = d.morning;
  if (d.swelling !== '') body.swelling = d.swelling;
  if (d.note.trim() !== '' || editing) body.note = d.note;
  return body;
}

export function CheckInForm(props: {
  runs: readonly RunSummary[];
  today: string;
  /** Runs on or after this day are "recent" enough to be preselected. */
  recentFrom: string;
  editing: PainEntry | null;
  onSaved: (entry: PainEntry, how: 'created' | 'updated') => void;
  onCancel: () => void;
}) {
  const units = useUnits();
  const editing = props.editing;
  const [draft, setDraft] = useState<Draft>(() =>
    draftFor(editing, props.runs, props.today, props.recentFrom),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const prefix = editing ? `edit-${editing.id}` : 'checkin';
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening an entry for editing moves focus to the form, so keyboard users land where the work is.
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);

  const chooseRun = (id: string) => {
    const run = props.runs.find((r) => r.id === id);
    setDraft((d) => ({ ...d, run: id, date: run ? run.localDate : d.date }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = bodyOf(draft, editing !== null);
      const saved = editing
        ? await api<{ entry: PainEntry }>(`/pain/${encodeURIComponent(editing.id)}`, {
            method: 'PATCH',
            body,
          })
        : await api<{ entry: PainEntry }>('/pain', { body });
      props.onSaved(saved.entry, editing ? 'updated' : 'created');
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  const runs = props.runs;
  const runLabel = (r: RunSummary) =>
    `${shortDay(r.localDate)} · ${units.distance(r.distanceM)}${r.name ? ` · ${r.name}` : ''}`;

  return (
    <form class="card check-in" onSubmit={submit} aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} tabIndex={-1} ref={heading}>
        {editing ? `Edit the entry of ${shortDay(editing.localDate)}` : "How's your knee?"}
      </h2>
      <div class="check-in-when">
        <div>
          <label for={`${prefix}-run`}>After which run?</label>
          <select id={`${prefix}-run`} value={draft.run} onChange={(e) => chooseRun(e.currentTarget.value)}>
            <option value={NO_RUN}>Not after a run (or not listed)</option>
            {/* An old entry's run is no longer among the recent ones: keep it selectable. */}
            {editing?.activityId && !runs.some((r) => r.id === editing.activityId) && (
              <option value={editing.activityId}>The run of {shortDay(editing.localDate)}</option>
            )}
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {runLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={`${prefix}-date`}>Day</label>
          <input
            id={`${prefix}-date`}
            type="date"
            required
            max={props.today}
            value={draft.date}
            onInput={(e) => set('date', e.currentTarget.value)}
          />
        </div>
      </div>
      <fieldset>
        <legend>Which knee?</legend>
        <div class="knee-choice-inline">
          {(['left', 'right', 'both'] as const).map((side) => (
            <div class="knee-choice-row" key={side}>
              <input
                type="radio"
                id={`${prefix}-side-${side}`}
                name={`${prefix}-side`}
                value={side}
                checked={draft.side === side}
                onChange={() => set('side', side)}
              />
              <label for={`${prefix}-side-${side}`}>{side[0]?.toUpperCase() + side.slice(1)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Where does it hurt?</legend>
        <KneeMap
          idPrefix={prefix}
          compact
          selected={draft.regions}
          onChange={(next) => set('regions', next)}
        />
      </fieldset>
      <fieldset>
        <legend>How much (0 = no pain, 10 = the worst imaginable)</legend>
        <PainScoreInput
          id={`${prefix}-during`}
          label="During the run"
          value={draft.during}
          keepNoted={editing?.painDuring != null}
          onChange={(v) => set('during', v)}
        />
        <PainScoreInput
          id={`${prefix}-after`}
          label="After the run"
          value={draft.after}
          keepNoted={editing?.painAfter != null}
          onChange={(v) => set('after', v)}
        />
        <PainScoreInput
          id={`${prefix}-morning`}
          label="The next morning"
          value={draft.morning}
          keepNoted={editing?.painNextMorning != null}
          onChange={(v) => set('morning', v)}
        />
        <p class="field-hint">
          A guide many physiotherapists use (the same rule your plan follows): {PAIN_TEXT.rule} Source:{' '}
          {PAIN_MODEL.source}.
        </p>
      </fieldset>
      <fieldset>
        <legend>Swelling</legend>
        <div class="knee-choice-inline">
          {(
            [
              ['none', 'None'],
              ['mild', 'A little'],
              ['severe', 'A lot'],
              ['', 'Not sure'],
            ] as const
          ).map(([value, label]) => (
            <div class="knee-choice-row" key={label}>
              <input
                type="radio"
                id={`${prefix}-swelling-${value || 'unknown'}`}
                name={`${prefix}-swelling`}
                value={value}
                checked={draft.swelling === value}
                onChange={() => set('swelling', value)}
              />
              <label for={`${prefix}-swelling-${value || 'unknown'}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <label for={`${prefix}-note`}>Note</label>
      <textarea
        id={`${prefix}-note`}
        rows={2}
        maxLength={2000}
        value={draft.note}
        onInput={(e) => set('note', e.currentTarget.value)}
      />
      {error && <ErrorMessage error={error} />}
      <div class="row check-in-actions">
        <button type="submit" disabled={busy}>
          {editing ? 'Save changes' : 'Save check-in'}
        </button>
        {editing && (
          <button type="button" class="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
