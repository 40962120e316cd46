/**
 * The journal's entries, newest first, each with Edit and Delete. Delete asks once more, in place, rather
 * than in a browser dialog (which a screen reader may not announce well).
 */
import { useState } from 'preact/hooks';
import { longDay, shortDay } from '../format-dates.ts';
import { REGION_SHORT } from '../knee/knee-regions.ts';
import { useUnits } from '../settings-context.tsx';
import type { PainEntry, RunSummary } from '../types/journal.ts';
import { painBand, painText } from './pain-words.ts';

const SWELLING_WORDS: Record<string, string> = { none: 'none', mild: 'a little', severe: 'a lot' };

function Score(props: { label: string; value: number | null }) {
  if (props.value === null) return null;
  return (
    <li>
      {props.label}:{' '}
      <span class="pain-badge" data-band={painBand(props.value)}>
        {painText(props.value)}
      </span>
    </li>
  );
}

function EntryItem(props: {
  entry: PainEntry;
  run: RunSummary | undefined;
  busy: boolean;
  /** Absent when the person looking may only read (server mode). */
  onEdit?: () => void;
  onDelete?: () => void;
}) {
  const { entry } = props;
  const units = useUnits();
  const [confirming, setConfirming] = useState(false);
  const side = entry.side
    ? `${entry.side === 'both' ? 'both knees' : `${entry.side} knee`}`
    : 'knee not given';
  return (
    <li class="card journal-entry" data-entry-id={entry.id} data-date={entry.localDate}>
      <h3>
        <span>{shortDay(entry.localDate)}</span> · {side}
      </h3>
      <ul class="entry-scores">
        <Score label="During" value={entry.painDuring} />
        <Score label="After" value={entry.painAfter} />
        <Score label="Next morning" value={entry.painNextMorning} />
      </ul>
      <p class="entry-facts">
        {entry.regions.length > 0 && <>Where: {entry.regions.map((r) => REGION_SHORT[r]).join(', ')}. </>}
        {entry.swelling && <>Swelling: {SWELLING_WORDS[entry.swelling] ?? entry.swelling}. </>}
        {entry.activityId &&
          (props.run ? (
            <>After the {units.distance(props.run.distanceM)} run. </>
          ) : (
            <>Linked to that day's run. </>
          ))}
      </p>
      {entry.note && <p class="entry-note">“{entry.note}”</p>}
      {!props.onEdit || !props.onDelete ? null : confirming ? (
        <div class="row entry-confirm">
          <span>Delete the entry of {shortDay(entry.localDate)}?</span>
          <button type="button" class="danger" disabled={props.busy} onClick={props.onDelete}>
            Yes, delete
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div class="row">
          <button
            type="button"
            class="secondary"
            onClick={props.onEdit}
            aria-label={`Edit the entry of ${longDay(entry.localDate)}`}
          >
            Edit
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => setConfirming(true)}
            aria-label={`Delete the entry of ${longDay(entry.localDate)}`}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

export function EntryList(props: {
  entries: readonly PainEntry[];
  runs: readonly RunSummary[];
  busyId: string | null;
  onEdit?: (entry: PainEntry) => void;
  onDelete?: (entry: PainEntry) => void;
}) {
  const runsById = new Map(props.runs.map((r) => [r.id, r]));
  const newestFirst = [...props.entries].sort(
    (a, b) => b.localDate.localeCompare(a.localDate) || b.occurredAt.localeCompare(a.occurredAt),
  );
  if (newestFirst.length === 0) return <p class="muted">No entries yet.</p>;
  return (
    <ul class="journal-entries">
      {newestFirst.map((e) => (
        <EntryItem
          key={e.id}
          entry={e}
          run={e.activityId ? runsById.get(e.activityId) : undefined}
          busy={props.busyId === e.id}
          {...(props.onEdit && props.onDelete
            ? { onEdit: () => props.onEdit?.(e), onDelete: () => props.onDelete?.(e) }
            : {})}
        />
      ))}
    </ul>
  );
}
