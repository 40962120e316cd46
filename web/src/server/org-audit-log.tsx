/**
 * The organisation's audit log for its owner (GET /api/audit?orgId=): who of the organisation read or changed
 * which athlete's data, when, and why (the purpose the athlete accepted). Newest first, a page at a time,
 * "Show older" fetching the next. A list rather than a table, so it reads on a phone.
 */
import { useState } from 'preact/hooks';
import { accountApi, useAccountApi } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { AuditEntryItem } from './audit-entry.tsx';
import { AUDIT_PAGE_SIZE } from './audit-paging.ts';
import type { AuditEntry, AuditPage } from './server-types.ts';

export function OrgAuditLog(props: { orgId: string }) {
  const base = `/audit?orgId=${encodeURIComponent(props.orgId)}&limit=${AUDIT_PAGE_SIZE}`;
  const first = useAccountApi<AuditPage>(base);
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  if (first.error) return <ErrorMessage error={first.error} retry={first.reload} />;
  if (!first.data) return <Loading what="the audit log" />;
  const entries = [...first.data.entries, ...older];
  const cursor = next === undefined ? (first.data.next ?? null) : next;

  const showOlder = async () => {
    if (!cursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await accountApi<AuditPage>(`${base}&before=${encodeURIComponent(cursor)}`);
      setOlder((now) => [...now, ...page.entries]);
      setNext(page.next ?? null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  if (entries.length === 0) {
    return <p class="muted">Nobody in the organisation has read or changed an athlete’s data yet.</p>;
  }
  return (
    <>
      <ol class="audit-entries">
        {entries.map((e, i) => (
          <AuditEntryItem
            key={e.id ?? `${e.at}-${i}`}
            entry={e}
            whose={e.athleteName ? `${e.athleteName}’s` : 'a former athlete’s'}
          />
        ))}
      </ol>
      {error && <ErrorMessage error={error} />}
      {cursor ? (
        <p>
          <button type="button" class="secondary" disabled={busy} onClick={() => void showOlder()}>
            Show older entries
          </button>
        </p>
      ) : (
        <p class="muted">
          That is the whole log ({entries.length} {entries.length === 1 ? 'entry' : 'entries'}).
        </p>
      )}
    </>
  );
}
