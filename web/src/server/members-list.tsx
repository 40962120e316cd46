/**
 * The organisation's members for its owner: each person's role (changed with the password entered in the last
 * 10 minutes, which the prompt asks for) and removing someone (asked once more on the page). The server keeps
 * at least one owner; its refusal is said in words. An owner who steps down or leaves goes back home, since
 * this page is no longer theirs.
 */
import { useState } from 'preact/hooks';
import { accountApi, useAccountApi } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { ROLE_NAMES, ROLE_REACH, ROLES } from './org-words.ts';
import { ChangeOutcome } from './people-problem.tsx';
import type { MemberRole, OrgMember } from './server-types.ts';

function MemberCard(props: {
  member: OrgMember;
  isMe: boolean;
  busy: boolean;
  onRole: (member: OrgMember, role: MemberRole) => void;
  onRemove: (member: OrgMember) => void;
}) {
  const { member } = props;
  const [role, setRole] = useState<MemberRole>(member.role);
  const [confirming, setConfirming] = useState(false);
  const select = `role-${member.userId}`;
  return (
    <li class="card member" data-member={member.userId} data-role={member.role}>
      <h3>
        {member.displayName}
        {props.isMe && <span class="muted"> (you)</span>}
      </h3>
      <p class="muted member-email">{member.email}</p>
      <label for={select}>Role</label>
      <div class="row member-role">
        <select id={select} value={role} onChange={(e) => setRole(e.currentTarget.value as MemberRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_NAMES[r]}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={props.busy || role === member.role}
          onClick={() => props.onRole(member, role)}
        >
          Change role
        </button>
      </div>
      <p class="muted">Sees {ROLE_REACH[role]}.</p>
      {confirming ? (
        <div class="confirm">
          <p>
            Remove {member.displayName}? They stop seeing what athletes share with the organisation at once.
          </p>
          <p class="row">
            <button
              type="button"
              class="danger"
              disabled={props.busy}
              onClick={() => {
                setConfirming(false);
                props.onRemove(member);
              }}
            >
              Yes, remove
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </p>
        </div>
      ) : (
        <p>
          <button type="button" class="secondary" disabled={props.busy} onClick={() => setConfirming(true)}>
            Remove from the organisation
          </button>
        </p>
      )}
    </li>
  );
}

export function MembersList(props: { orgId: string; orgName: string; myUserId: string }) {
  const path = `/orgs/${encodeURIComponent(props.orgId)}/members`;
  const members = useAccountApi<{ members: OrgMember[] }>(path);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Bumped after a refused change, so each card's role picker shows the stored role again. A change that
  // went through needs no bump: the reloaded role is part of the card's key, and until it arrives the picker
  // keeps showing the role just chosen rather than flicking back to the old one.
  const [refusals, setRefusals] = useState(0);

  const change = async (work: () => Promise<void>, done: string, leavesPage: boolean) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await work();
      if (leavesPage) {
        location.assign('/');
        return;
      }
      setMessage(done);
      members.reload();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      setRefusals((n) => n + 1);
      members.reload();
    } finally {
      setBusy(false);
    }
  };
  const onRole = (member: OrgMember, role: MemberRole) =>
    void change(
      () => accountApi(`${path}/${encodeURIComponent(member.userId)}`, { method: 'PATCH', body: { role } }),
      `${member.displayName} is now ${ROLE_NAMES[role].toLowerCase()}.`,
      member.userId === props.myUserId && role !== 'owner',
    );
  const onRemove = (member: OrgMember) =>
    void change(
      () => accountApi(`${path}/${encodeURIComponent(member.userId)}`, { method: 'DELETE' }),
      `${member.displayName} is no longer a member of ${props.orgName}.`,
      member.userId === props.myUserId,
    );

  if (members.error) return <ErrorMessage error={members.error} retry={members.reload} />;
  if (!members.data) return <Loading what="the members" />;
  return (
    <>
      <ChangeOutcome message={message} error={error} orgName={props.orgName} />
      <ul class="members">
        {members.data.members.map((m) => (
          <MemberCard
            key={`${m.userId}-${m.role}-${refusals}`}
            member={m}
            isMe={m.userId === props.myUserId}
            busy={busy}
            onRole={onRole}
            onRemove={onRemove}
          />
        ))}
      </ul>
    </>
  );
}
