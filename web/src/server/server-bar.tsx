/** Server mode's top bar: who is signed in, their roster, organisation (owners) and sharing pages, and signing out. */
import { accountApi } from '../api.ts';
import type { Me } from './server-types.ts';

export function ServerBar(props: {
  me: Me;
  current: 'roster' | 'organisation' | 'own' | 'sharing' | 'athlete';
}) {
  const { me } = props;
  const signOut = async () => {
    await accountApi('/auth/logout', { method: 'POST' }).catch(() => {});
    location.assign('/');
  };
  const link = (href: string, label: string, page: typeof props.current) => (
    <li>
      <a href={href} aria-current={props.current === page ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <div class="server-bar">
      <nav aria-label="Account">
        <ul>
          {me.memberships.length > 0 && link('/', 'Roster', 'roster')}
          {me.memberships.some((m) => m.role === 'owner') &&
            link('/organisation', 'Organisation', 'organisation')}
          {me.athleteId && link(`/athletes/${encodeURIComponent(me.athleteId)}/#/today`, 'My data', 'own')}
          {me.athleteId && link('/sharing', 'Sharing', 'sharing')}
        </ul>
      </nav>
      <span class="server-user">{me.user.displayName}</span>
      <button type="button" class="secondary" onClick={() => void signOut()}>
        Sign out
      </button>
    </div>
  );
}
