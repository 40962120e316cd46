/**
 * The athlete's Sharing page: requests waiting for an answer (accept, which asks for the password again, or
 * decline), what is shared now (revoke at once), sharing with someone, the audit log of who read what and
 * why, and export and account deletion. Only the athlete's own grants and log are shown.
 */
import { useState } from 'preact/hooks';
import { accountApi, useAccountApi } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { AccountRights } from './account-rights.tsx';
import { AuditLog } from './audit-log.tsx';
import { granteeWords, termsWords, whenWords } from './grant-words.ts';
import type { Grant } from './server-types.ts';
import { ShareForm } from './share-form.tsx';

type Action = 'accept' | 'decline' | 'revoke';

function GrantCard(props: {
  grant: Grant;
  actions: Action[];
  onAct: (grant: Grant, action: Action) => void;
  busy: boolean;
}) {
  const { grant } = props;
  return (
    <li class="card grant" data-grant={grant.id} data-status={grant.status}>
      <h3>{granteeWords(grant)}</h3>
      <p>
        {termsWords(grant)}
        <br />
        <span class="muted">Why: </span>
        {grant.purpose}
        <br />
        <span class="muted">
          {grant.expiresAt ? `Until ${whenWords(grant.expiresAt)}` : 'No end date'}
          {grant.acceptedAt
            ? ` · since ${whenWords(grant.acceptedAt)}`
            : ` · asked ${whenWords(grant.createdAt)}`}
          {grant.endedAt ? ` · ended ${whenWords(grant.endedAt)} (${grant.status})` : ''}
        </span>
      </p>
      {props.actions.length > 0 && (
        <p class="row">
          {props.actions.map((action) => (
            <button
              key={action}
              type="button"
              class={action === 'accept' ? undefined : 'secondary'}
              disabled={props.busy}
              onClick={() => props.onAct(grant, action)}
            >
              {action === 'accept' ? 'Accept' : action === 'decline' ? 'Decline' : 'Stop sharing'}
            </button>
          ))}
        </p>
      )}
    </li>
  );
}

export function SharingScreen(props: { athleteId: string; userId: string }) {
  const grants = useAccountApi<{ grants: Grant[] }>(
    `/consents?athleteId=${encodeURIComponent(props.athleteId)}`,
  );
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const act = async (grant: Grant, action: Action) => {
    setBusy(true);
    setError(null);
    try {
      await accountApi(`/consents/${encodeURIComponent(grant.id)}/${action}`, { method: 'POST' });
      const who = granteeWords(grant);
      setMessage(
        action === 'accept'
          ? `${who} now sees what you accepted.`
          : action === 'decline'
            ? `You declined ${who}'s request: nothing is shared.`
            : `${who} no longer sees your data.`,
      );
      grants.reload();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  const list = grants.data?.grants ?? [];
  const pending = list.filter((g) => g.status === 'pending');
  const active = list.filter((g) => g.status === 'active');
  const ended = list.filter((g) => g.status !== 'pending' && g.status !== 'active');
  const card = (g: Grant, actions: Action[]) => (
    <GrantCard key={g.id} grant={g} actions={actions} busy={busy} onAct={(gr, a) => void act(gr, a)} />
  );

  return (
    <main id="main" class="server-page sharing">
      <h1>Sharing</h1>
      <p class="intro">
        Your data is yours. An organisation or a person sees only what you accept, for the reason given, and
        stops the moment you stop sharing.
      </p>
      {message && (
        <p class="alert alert-ok" role="status">
          {message}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {grants.error ? (
        <ErrorMessage error={grants.error} retry={grants.reload} />
      ) : !grants.data ? (
        <Loading what="your sharing" />
      ) : (
        <>
          <section aria-labelledby="requests-title">
            <h2 id="requests-title">Asking to see your data</h2>
            {pending.length === 0 ? (
              <p class="muted">No request is waiting.</p>
            ) : (
              <ul class="grants">{pending.map((g) => card(g, ['accept', 'decline']))}</ul>
            )}
          </section>
          <section aria-labelledby="active-title">
            <h2 id="active-title">Shared now</h2>
            {active.length === 0 ? (
              <p class="muted">You share nothing at the moment.</p>
            ) : (
              <ul class="grants">{active.map((g) => card(g, ['revoke']))}</ul>
            )}
          </section>
          <section aria-labelledby="share-title">
            <h2 id="share-title">Share with someone</h2>
            <ShareForm athleteId={props.athleteId} grants={list} onShared={grants.reload} />
          </section>
          {ended.length > 0 && (
            <details>
              <summary>Ended ({ended.length})</summary>
              <ul class="grants">{ended.map((g) => card(g, []))}</ul>
            </details>
          )}
        </>
      )}
      <section aria-labelledby="audit-title">
        <h2 id="audit-title">Who looked at your data</h2>
        <AuditLog athleteId={props.athleteId} ownUserId={props.userId} />
      </section>
      <section aria-labelledby="rights-title">
        <h2 id="rights-title">Your account</h2>
        <AccountRights athleteId={props.athleteId} />
      </section>
    </main>
  );
}
