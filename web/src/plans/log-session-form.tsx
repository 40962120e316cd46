/**
 * After a routine: log it (POST /api/programme-sessions) with the day, an optional pain score during the
 * session and a note. Logged programme sessions move the runner through the programme's phases, and the pain
 * score feeds the same 0-10 rules as the journal.
 */
import { useState } from 'preact/hooks';
import { PAIN_TEXT } from '../../../src/domain/plans/pain-monitoring.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/status-messages.tsx';
import { useAppState } from '../settings-context.tsx';
import type { ProgrammeSessionBody, ProgrammeSessionJson, Routine } from '../types/plans.ts';

const PAIN_SCORES = Array.from({ length: 11 }, (_, i) => i);

export function LogSessionForm(props: {
  routine: Routine;
  phaseIndex: number;
  completed: boolean;
  onLogged: () => void;
}) {
  const { overview } = useAppState();
  const [date, setDate] = useState(overview.today);
  const [pain, setPain] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [logged, setLogged] = useState<string | null>(null);
  const id = `log-${props.routine.id}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: ProgrammeSessionBody = { programmeId: props.routine.id, date };
    body.phaseIndex = props.phaseIndex;
    if (pain !== '') body.painDuring = Number(pain);
    const trimmed = note.trim();
    if (trimmed !== '') body.note = trimmed;
    else if (!props.completed) body.note = 'Stopped before the end.';
    try {
      await api<{ session: ProgrammeSessionJson }>('/programme-sessions', { body });
      setLogged(date);
      props.onLogged();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  if (logged) {
    return (
      <p class="alert alert-ok" role="status">
        Logged: {props.routine.name} on {logged}.
      </p>
    );
  }

  return (
    <form class="log-session" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`}>Log this session</h5>
      <p class="field-hint">
        Logging keeps track of what you did
        {props.phaseIndex !== null ? ' and moves you through the programme' : ''}. {PAIN_TEXT.exercises}
      </p>
      <div class="log-fields">
        <div>
          <label for={`${id}-date`}>Day</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            max={overview.today}
            value={date}
            onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div>
          <label for={`${id}-pain`}>
            Knee pain during it <span class="field-hint">(optional, 0-10)</span>
          </label>
          <select
            id={`${id}-pain`}
            value={pain}
            onChange={(e) => setPain((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">Not recorded</option>
            {PAIN_SCORES.map((n) => (
              <option key={n} value={String(n)}>
                {n}
                {n === 0 ? ' (none)' : n === 10 ? ' (worst imaginable)' : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label for={`${id}-note`}>
        Note <span class="field-hint">(optional)</span>
      </label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={500}
        value={note}
        onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {error && <ErrorMessage error={error} />}
      <p>
        <button type="submit" disabled={busy}>
          {busy ? 'Logging…' : 'Log this session'}
        </button>
      </p>
    </form>
  );
}
