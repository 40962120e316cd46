/**
 * One line of an audit log, on the athlete's Sharing page and the owner's Organisation page: who read or
 * changed whose data (which categories), when, where in the data (the exact route on hover), and why. A list item rather than a table
 * row, so it reads on a phone.
 */
import { auditRouteWords } from './audit-route-words.ts';
import { whenWords } from './grant-words.ts';
import type { AuditEntry } from './server-types.ts';

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'data';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `whose`: "your" on the athlete's own log, the athlete's name on an organisation's. */
export function AuditEntryItem(props: { entry: AuditEntry; whose: string }) {
  const e = props.entry;
  return (
    <li class="audit-entry">
      <p>
        <strong>{e.actorName ?? 'Someone no longer here'}</strong> {e.action === 'write' ? 'changed' : 'read'}{' '}
        <strong>{props.whose}</strong> {listWords(e.categories)}
        <br />
        <span class="muted">
          {whenWords(e.at)} · <span title={e.route}>{auditRouteWords(e.route)}</span>
        </span>
        <br />
        <span class="muted">Why: </span>
        {e.reason}
      </p>
    </li>
  );
}
