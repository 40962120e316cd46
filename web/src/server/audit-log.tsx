/** The athlete's audit log (GET /api/audit?athleteId=): who read or changed what of their data, when and why. */
import { useAccountApi } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { whenWords } from './grant-words.ts';
import type { AuditEntry } from './server-types.ts';

export function AuditLog(props: { athleteId: string; ownUserId: string }) {
  const log = useAccountApi<{ entries: AuditEntry[] }>(
    `/audit?athleteId=${encodeURIComponent(props.athleteId)}`,
  );
  if (log.error) return <ErrorMessage error={log.error} retry={log.reload} />;
  if (!log.data) return <Loading what="the audit log" />;
  const others = log.data.entries.filter((e) => e.actorUserId !== props.ownUserId);
  if (others.length === 0) return <p class="muted">Nobody else has read or changed your data.</p>;
  return (
    <div class="table-scroll">
      <table class="audit-log">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {others.map((e, i) => (
            <tr key={`${e.at}-${i}`}>
              <td>{whenWords(e.at)}</td>
              <td>{e.actorName ?? 'someone no longer here'}</td>
              <td>
                {e.action === 'write' ? 'changed' : 'read'} {e.categories.join(', ')}{' '}
                <span class="muted">({e.route})</span>
              </td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
