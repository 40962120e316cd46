/** The organisation's invitation links still waiting to be used, for its owner to see and take back. */
import { useState } from 'preact/hooks';
import { accountApi, type Loaded } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { whenWords } from './grant-words.ts';
import { ROLE_NAMES } from './org-words.ts';
import { ChangeOutcome } from './people-problem.tsx';
import type { PendingInvitation } from './server-types.ts';

/** `list` is loaded by the page, which reloads it when the invitation form makes a link. */
export function PendingInvitations(props: {
  orgId: string;
  orgName: string;
  list: Loaded<{ invitations: PendingInvitation[] }>;
}) {
  const { list } = props;
  const path = `/orgs/${encodeURIComponent(props.orgId)}/invitations`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const takeBack = async (invitation: PendingInvitation) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await accountApi(`${path}/${encodeURIComponent(invitation.id)}`, { method: 'DELETE' });
      setMessage(`The link for ${invitation.email} no longer works.`);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
      list.reload();
    }
  };

  if (list.error) return <ErrorMessage error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading what="the invitations" />;
  return (
    <>
      <ChangeOutcome message={message} error={error} orgName={props.orgName} />
      {list.data.invitations.length === 0 ? (
        <p class="muted">No invitation is waiting to be used.</p>
      ) : (
        <ul class="invitations">
          {list.data.invitations.map((i) => (
            <li key={i.id} class="card invitation" data-email={i.email}>
              <p>
                <strong>{i.email}</strong> — joins as{' '}
                {i.role ? ROLE_NAMES[i.role].toLowerCase() : 'an athlete'}
                <br />
                <span class="muted">
                  {i.invitedBy ? `Invited by ${i.invitedBy}` : 'Invited from the server'} ·{' '}
                  {whenWords(i.createdAt)} · works until {whenWords(i.expiresAt)}
                </span>
              </p>
              <button type="button" class="secondary" disabled={busy} onClick={() => void takeBack(i)}>
                Take back
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
