/**
 * The Organisation page, for an organisation's owners: its members and their roles, inviting people by link
 * and the links still waiting, and the audit log of who read or changed which athlete's data. An owner of
 * several organisations picks one at the top.
 */
import { useState } from 'preact/hooks';
import { useAccountApi } from '../api.ts';
import { InviteForm } from './invite-form.tsx';
import { MembersList } from './members-list.tsx';
import { OrgAuditLog } from './org-audit-log.tsx';
import { PendingInvitations } from './pending-invitations.tsx';
import type { Me, PendingInvitation } from './server-types.ts';

export function ownedOrganisations(me: Me): Me['memberships'] {
  return me.memberships.filter((m) => m.role === 'owner');
}

function OrganisationSections(props: { orgId: string; orgName: string; myUserId: string }) {
  const { orgId, orgName } = props;
  const invitations = useAccountApi<{ invitations: PendingInvitation[] }>(
    `/orgs/${encodeURIComponent(orgId)}/invitations`,
  );
  return (
    <>
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <MembersList orgId={orgId} orgName={orgName} myUserId={props.myUserId} />
      </section>
      <section aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <InviteForm orgId={orgId} onInvited={invitations.reload} />
        <h3 id="pending-title">Links waiting to be used</h3>
        <PendingInvitations orgId={orgId} orgName={orgName} list={invitations} />
      </section>
      <section aria-labelledby="org-audit-title">
        <h2 id="org-audit-title">Who read or changed athletes’ data</h2>
        <p class="muted">
          Every time someone of {orgName} opens an athlete’s data through what the athlete shared with{' '}
          {orgName}, it is written here, with the reason the athlete accepted.
        </p>
        <OrgAuditLog orgId={orgId} />
      </section>
    </>
  );
}

export function OrganisationScreen(props: { me: Me }) {
  const owned = ownedOrganisations(props.me);
  const [orgId, setOrgId] = useState(owned[0]?.orgId ?? '');
  const org = owned.find((o) => o.orgId === orgId) ?? owned[0];
  return (
    <main id="main" class="server-page organisation">
      <h1>{org ? org.orgName : 'Organisation'}</h1>
      {!org ? (
        <p class="card">Only an organisation’s owners manage its members. You own no organisation here.</p>
      ) : (
        <>
          <p class="intro">
            The people of {org.orgName}, the links you have sent, and a record of every look at an athlete’s
            data.
          </p>
          {owned.length > 1 && (
            <p>
              <label for="org-pick">Organisation</label>
              <select id="org-pick" value={org.orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
                {owned.map((o) => (
                  <option key={o.orgId} value={o.orgId}>
                    {o.orgName}
                  </option>
                ))}
              </select>
            </p>
          )}
          <OrganisationSections
            key={org.orgId}
            orgId={org.orgId}
            orgName={org.orgName}
            myUserId={props.me.user.id}
          />
        </>
      )}
    </main>
  );
}
