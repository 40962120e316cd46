/**
 * The roster for a clinic's or team's members: their athletes, the one who needs attention most first (the
 * server orders them: an emergency or urgent knee check, pain not settling, a spike over the ceiling, worn
 * shoes), each item's headline in the athlete's own numbers, and "not shared" for what the athlete keeps to
 * themselves. Each athlete links to their Today and report when the consent covers what those show.
 */
import { useAccountApi } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { athleteHref } from './server-page.ts';
import type { AttentionItem, AttentionKind, RosterAthlete, RosterView } from './server-types.ts';

const KIND_WORDS: Record<AttentionKind, string> = {
  'knee-check': 'Knee checks',
  pain: 'Pain journal',
  spike: 'Training',
  shoes: 'Shoes',
};

const SEVERITY_WORDS: Record<AttentionItem['severity'], string> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  pain: 'Pain',
  spike: 'Spike',
  shoes: 'Shoes',
};

function RosterItem(props: { athlete: RosterAthlete }) {
  const { athlete } = props;
  const first = athlete.attention.items[0];
  return (
    <li
      class={`card roster-athlete${first ? ` severity-${first.severity}` : ''}`}
      data-athlete={athlete.athleteId}
    >
      <h2 class="roster-name">{athlete.name}</h2>
      {athlete.attention.items.length === 0 ? (
        <p class="muted">Nothing needs attention in what is shared with you.</p>
      ) : (
        <ul class="roster-items">
          {athlete.attention.items.map((item) => (
            <li key={`${item.kind}-${item.date}`}>
              <span class={`severity severity-${item.severity}`}>{SEVERITY_WORDS[item.severity]}</span>{' '}
              {item.headline} <span class="muted">({item.date})</span>
            </li>
          ))}
        </ul>
      )}
      {athlete.attention.notShared.length > 0 && (
        <p class="muted not-shared-kinds">
          Not shared: {athlete.attention.notShared.map((k) => KIND_WORDS[k]).join(', ')}
        </p>
      )}
      <p class="row roster-links">
        {athlete.links.today ? (
          <a class="button secondary" href={athleteHref(athlete.athleteId, 'today')}>
            Today
          </a>
        ) : (
          <a class="button secondary" href={athleteHref(athlete.athleteId, 'training')}>
            Training
          </a>
        )}
        {athlete.links.report && (
          <a class="button secondary" href={athleteHref(athlete.athleteId, 'report')}>
            Report
          </a>
        )}
        <span class="muted">
          {athlete.access.write.length > 0 ? 'You may add to some of this' : 'Read only'}
        </span>
      </p>
    </li>
  );
}

export function RosterScreen() {
  const roster = useAccountApi<RosterView>('/server/roster');
  return (
    <main id="main" class="server-page">
      <h1>Your athletes</h1>
      <p class="intro">Who needs attention first. Only what each athlete chose to share with you is here.</p>
      {roster.error ? (
        <ErrorMessage error={roster.error} retry={roster.reload} />
      ) : !roster.data ? (
        <Loading what="the roster" />
      ) : roster.data.athletes.length === 0 ? (
        <p class="card">
          No athlete shares their data with you yet. An owner of your organisation invites athletes; each one
          decides what to share.
        </p>
      ) : (
        <ol class="roster">
          {roster.data.athletes.map((a) => (
            <RosterItem key={a.athleteId} athlete={a} />
          ))}
        </ol>
      )}
    </main>
  );
}
