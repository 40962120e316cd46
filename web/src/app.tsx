/**
 * The dashboard shell: loads the overview once, and shows the navigation always (a new runner with a sore
 * knee must reach the knee check at once), with the welcome as the first screen of a runner with no data yet
 * and otherwise the screen for the current hash route.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { forgetPrefetched, useApi } from './api.ts';
import { DemoBanner } from './components/demo-banner.tsx';
import { ErrorMessage, Loading } from './components/status-messages.tsx';
import { LazyOnboarding } from './onboarding/lazy-onboarding.ts';
import { ROUTES, routeOf } from './routes.ts';
import { AppStateProvider, type Overview, type ViewerAccess } from './settings-context.tsx';

function useHashRoute(): string {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return routeOf(hash);
}

/**
 * `access` is given in server mode only (the athlete's screens for someone signed in); `header` then holds the
 * server's own links (roster, sharing, sign out) above the athlete's screens.
 */
export function App(props: { access?: ViewerAccess; header?: ComponentChildren } = {}) {
  const own = props.access?.own ?? true;
  const overview = useApi<Overview>('/overview');
  const route = useHashRoute();
  const [welcomeDone, setWelcomeDone] = useState(false);
  const refresh = overview.reload;
  const finishOnboarding = useCallback(() => {
    setWelcomeDone(true);
    location.hash = '#/today';
    refresh();
  }, [refresh]);

  if (!overview.data) {
    return (
      <main id="main" class="boot">
        {overview.error ? (
          <ErrorMessage error={overview.error} retry={refresh} />
        ) : (
          <Loading what="kneewise" />
        )}
      </main>
    );
  }

  // A knee check is data too: after one, Today shows its result, not the welcome again.
  const empty =
    overview.data.counts.activities === 0 && !overview.data.hasDemo && overview.data.counts.assessments === 0;
  // The welcome imports and seeds a demo: the athlete's alone (a clinician sees the empty screens instead).
  const showOnboarding = own && (route === 'welcome' || (empty && !welcomeDone && route === ''));
  // What was fetched at boot for the first screen is from before the welcome's import or demo.
  if (showOnboarding) forgetPrefetched();
  // Settings change how every screen reads the data and hold export and delete: the athlete's alone.
  const routes = own ? ROUTES : ROUTES.filter((r) => r.path !== 'settings');
  const current = routes.find((r) => r.path === route) ?? routes[0]!;
  const Screen = current.component;

  return (
    <AppStateProvider
      value={{ overview: overview.data, refresh, ...(props.access ? { access: props.access } : {}) }}
    >
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      {props.header}
      <header class="app-header">
        <a class="brand" href="#/today" aria-label="kneewise, Today">
          <span aria-hidden="true">◐</span> kneewise
        </a>
        <nav aria-label="Screens">
          <ul>
            {routes.map((r) => (
              <li key={r.path}>
                <a href={`#/${r.path}`} aria-current={!showOnboarding && r === current ? 'page' : undefined}>
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {overview.data.hasDemo && own && <DemoBanner />}
      <main id="main" tabIndex={-1}>
        {showOnboarding ? <LazyOnboarding onDone={finishOnboarding} /> : <Screen key={current.path} />}
      </main>
      <footer class="app-footer">
        <p>
          kneewise gives education and triage, not a diagnosis. If your knee is badly swollen, locked, gives
          way, or you cannot bear weight, see a clinician.
          {props.access ? '' : ' Your data stays on this computer.'}
        </p>
      </footer>
    </AppStateProvider>
  );
}
