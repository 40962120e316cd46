/**
 * One athlete's screens in server mode: the single runner's dashboard (Today, Training, Knee check, Journal,
 * Shoes, Plans, Report…) reading `/api/athletes/:athleteId/…`, with only the controls the consent allows.
 * What the person may do comes from GET /api/athletes/:athleteId/access; an athlete that is not shared (or
 * does not exist) gets the same "not shared" words.
 */
import type { ComponentChildren } from 'preact';
import { useAccountApi, viewAthlete } from '../api.ts';
import { App } from '../app.tsx';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import type { AthleteAccess } from './server-types.ts';

export function AthleteView(props: { athleteId: string; header: ComponentChildren }) {
  // Set before the first screen asks anything: every athlete route from here on is this athlete's.
  viewAthlete(props.athleteId);
  const access = useAccountApi<AthleteAccess>(`/athletes/${encodeURIComponent(props.athleteId)}/access`);
  if (!access.data) {
    return (
      <>
        {props.header}
        <main id="main" class="server-page">
          {access.error ? (
            <ErrorMessage error={access.error} retry={access.reload} />
          ) : (
            <Loading what="the athlete" />
          )}
        </main>
      </>
    );
  }
  const who = access.data.access.own ? null : (
    <p class="viewing-athlete" role="note">
      <strong>{access.data.name}</strong>
      {access.data.access.write.length === 0
        ? ' · read only'
        : ` · you may add to: ${access.data.access.write.join(', ')}`}
    </p>
  );
  return (
    <App
      access={access.data.access}
      header={
        <>
          {props.header}
          {who}
        </>
      }
    />
  );
}
