/**
 * Journal: the "How's your knee?" check-in after a run, the calendar of the last twelve weeks (distance and
 * pain per day) and the entries, with edit and delete. Parts live in web/src/journal/.
 */
import { useRef, useState } from 'preact/hooks';
import { addDays } from '../../../src/domain/load/calendar-day.ts';
import { api, useApi } from '../api.ts';
import { Screen } from '../components/screen.tsx';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { longDay, shortDay } from '../format-dates.ts';
import { CheckInForm } from '../journal/check-in-form.tsx';
import { EntryList } from '../journal/entry-list.tsx';
import { PainCalendar } from '../journal/pain-calendar.tsx';
import { routeParams } from '../routes.ts';
import { useAppState, useCanWrite } from '../settings-context.tsx';
import type { ActivityList, JournalCalendar, PainEntry, PainList } from '../types/journal.ts';
import './journal.css';

/** Recent runs offered in the check-in (the API returns the latest ones, oldest first). */
const RECENT_RUNS = 20;
/** A run this many days old or newer is preselected: that is the run people check in after. */
const PRESELECT_DAYS = 3;

export function JournalScreen() {
  const { overview, refresh } = useAppState();
  // Server mode: someone the athlete shared the journal with read-only sees it without the form.
  const canWrite = useCanWrite('symptoms');
  const today = overview.today;
  const runs = useApi<ActivityList>(`/activities?sport=run&limit=${RECENT_RUNS}`);
  const pain = useApi<PainList>('/pain');
  const calendar = useApi<JournalCalendar>('/journal/calendar');
  const [editing, setEditing] = useState<PainEntry | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [message, setMessage] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<Error | null>(null);
  const [selected, setSelected] = useState<string | null>(() => routeParams(location.hash).get('date'));

  const messageRef = useRef<HTMLParagraphElement>(null);
  const recentRuns = [...(runs.data?.activities ?? [])].reverse();

  const changed = (text: string) => {
    setMessage(text);
    setActionError(null);
    // The form or the row that had focus is gone: continue from the confirmation.
    messageRef.current?.focus();
    pain.reload();
    calendar.reload();
    refresh();
  };

  const onSaved = (entry: PainEntry, how: 'created' | 'updated') => {
    setEditing(null);
    setFormKey((k) => k + 1);
    changed(
      how === 'created'
        ? `Saved your check-in for ${longDay(entry.localDate)}.`
        : `Saved the changes to ${longDay(entry.localDate)}.`,
    );
  };

  const onDelete = async (entry: PainEntry) => {
    setBusyId(entry.id);
    try {
      await api(`/pain/${encodeURIComponent(entry.id)}`, { method: 'DELETE' });
      if (editing?.id === entry.id) setEditing(null);
      changed(`Deleted the entry of ${longDay(entry.localDate)}.`);
    } catch (e) {
      setActionError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusyId(null);
    }
  };

  const startEdit = (entry: PainEntry) => {
    setMessage('');
    setEditing(entry);
    // The form sits above the list: bring it into view (its heading takes focus, see CheckInForm).
    requestAnimationFrame(() => document.getElementById('journal-form')?.scrollIntoView({ block: 'start' }));
  };

  const entries = pain.data?.entries ?? [];
  const shown = selected ? entries.filter((e) => e.localDate === selected) : entries;

  return (
    <Screen
      title="Journal"
      intro="A quick check-in after each run shows how your knee responds to training — and gives a clinician the story in numbers."
    >
      <p class="journal-message" role="status" aria-live="polite" tabIndex={-1} ref={messageRef}>
        {message}
      </p>
      <div class="journal-layout">
        <div id="journal-form">
          {!canWrite ? (
            <p class="card muted">Read only: the athlete has not shared their journal with you to add to.</p>
          ) : runs.loading && !runs.data ? (
            <Loading what="your recent runs" />
          ) : (
            <CheckInForm
              key={editing ? `edit-${editing.id}` : `new-${formKey}`}
              runs={recentRuns}
              today={today}
              recentFrom={addDays(today, -PRESELECT_DAYS)}
              editing={editing}
              onSaved={onSaved}
              onCancel={() => setEditing(null)}
            />
          )}
          {runs.error && <ErrorMessage error={runs.error} retry={runs.reload} />}
        </div>
        <div class="journal-side">
          <section class="card" aria-labelledby="calendar-title">
            <h2 id="calendar-title">The last 12 weeks</h2>
            {calendar.error && <ErrorMessage error={calendar.error} retry={calendar.reload} />}
            {calendar.data ? (
              <PainCalendar
                calendar={calendar.data}
                weekStart={overview.settings.weekStart}
                today={today}
                selected={selected}
                onSelect={(date) => setSelected((s) => (s === date ? null : date))}
              />
            ) : (
              !calendar.error && <Loading what="the calendar" />
            )}
          </section>
          <section aria-labelledby="entries-title">
            <h2 id="entries-title">Entries</h2>
            {selected && (
              <p class="row journal-filter">
                <span>Showing {shortDay(selected)} only.</span>
                <button type="button" class="secondary" onClick={() => setSelected(null)}>
                  Show all entries
                </button>
              </p>
            )}
            {actionError && <ErrorMessage error={actionError} />}
            {pain.error && <ErrorMessage error={pain.error} retry={pain.reload} />}
            {pain.data ? (
              <EntryList
                entries={shown}
                runs={recentRuns}
                busyId={busyId}
                {...(canWrite ? { onEdit: startEdit, onDelete: (e: PainEntry) => void onDelete(e) } : {})}
              />
            ) : (
              !pain.error && <Loading what="your entries" />
            )}
          </section>
        </div>
      </div>
    </Screen>
  );
}
