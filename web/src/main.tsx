import { render } from 'preact';
import { prefetch } from './api.ts';
import { App } from './app.tsx';
import { SHELL_REQUEST } from './first-requests.ts';
import { ROUTES, routeOf } from './routes.ts';
import { isServerModePage } from './server/server-page.ts';
import './styles.css';

const root = document.getElementById('app');

if (isServerModePage(document)) {
  // Server mode (`serve --server` marks the page): sign-in, roster and consent first. Its code is fetched only
  // here, so the single runner's first bundle stays as it was.
  import('./server/server-app.tsx').then(
    ({ ServerApp }) => root && render(<ServerApp />, root),
    () => {
      if (root) root.textContent = 'kneewise could not load. Reload the page to try again.';
    },
  );
} else {
  // Everything the first screen needs starts now, side by side: the overview, the screen's code and its data.
  // Otherwise each would wait for the one before (overview → screen code → screen data). The boot script
  // (boot/boot.ts) has usually started them already, before this code arrived; what it started is not asked again.
  const first = ROUTES.find((r) => r.path === routeOf(location.hash)) ?? (location.hash ? null : ROUTES[0]!);
  prefetch(SHELL_REQUEST);
  if (first) {
    first.preload().catch(() => {});
    for (const path of first.firstData ?? []) prefetch(path);
  }
  if (root) render(<App />, root);
}
