/**
 * The dashboard shell: loads the overview once, and shows the navigation always (a new runner with a sore
 * knee must reach the knee check at once), with the welcome as the first screen of a runner with no data yet
 * and otherwise the screen for the current hash route.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { forgetPrefetched, useApi } from './api.ts';
import { DemoBanner } from './components/demo-banner.tsx';
import { ErrorMessage, Loading } from './components/status-messages.tsx';
import { OnboardingScreen } from './onboarding/onboarding.screen.tsx';
import { ROUTES, routeOf } from './routes.ts';
import { AppStateProvider, type Overview } from './settings-context.tsx';

function useHashRoute(): string {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return routeOf(hash);
}

export function App() {
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
  const showOnboarding = route === 'welcome' || (empty && !welcomeDone && route === '');
  // What was fetched at boot for the first screen is from before the welcome's import or demo.
  if (showOnboarding) forgetPrefetched();
  const current = ROUTES.find((r) => r.path === route) ?? ROUTES[0]!;
  const Screen = current.component;

  return (
    <AppStateProvider value={{ overview: overview.data, refresh }}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <a class="brand" href="#/today" aria-label="kneewise, Today">
          <span aria-hidden="true">◐</span> kneewise
        </a>
        <nav aria-label="Screens">
          <ul>
            {ROUTES.map((r) => (
              <li key={r.path}>
                <a href={`#/${r.path}`} aria-current={!showOnboarding && r === current ? 'page' : undefined}>
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {overview.data.hasDemo && <DemoBanner />}
      <main id="main" tabIndex={-1}>
        {showOnboarding ? <OnboardingScreen onDone={finishOnboarding} /> : <Screen key={current.path} />}
      </main>
      <footer class="app-footer">
        <p>
          kneewise gives education and triage, not a diagnosis. If your knee is badly swollen, locked, gives
          way, or you cannot bear weight, see a clinician. Your data stays on this computer.
        </p>
      </footer>
    </AppStateProvider>
  );
}
