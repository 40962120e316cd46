/** The athlete's audit log (GET /api/audit?athleteId=): who read or changed what of their data, when and why. */
import { useAccountApi } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { AuditEntryItem } from './audit-entry.tsx';
import type { AuditEntry } from './server-types.ts';

export function AuditLog(props: { athleteId: string; ownUserId: string }) {
  const log = useAccountApi<{ entries: AuditEntry[] }>(
    `/audit?athleteId=${encodeURIComponent(props.athleteId)}`,
  );
  if (log.error) return <ErrorMessage error={log.error} retry={log.reload} />;
  if (!log.data) return <Loading what="the audit log" />;
  // The athlete's own reads (and their lookups of organisations) are on record too, but this is about others.
  const others = log.data.entries.filter((e) => e.actorUserId !== props.ownUserId);
  if (others.length === 0) return <p class="muted">Nobody else has read or changed your data.</p>;
  return (
    <ol class="audit-entries audit-log">
      {others.map((e, i) => (
        <AuditEntryItem key={e.id ?? `${e.at}-${i}`} entry={e} whose="your" />
      ))}
    </ol>
  );
}
