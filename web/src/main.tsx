import { render } from 'preact';
import { prefetch } from './api.ts';
import { App } from './app.tsx';
import { ROUTES, routeOf } from './routes.ts';
import './styles.css';

// Everything the first screen needs starts now, side by side: the overview, the screen's code and its data.
// Otherwise each would wait for the one before (overview → screen code → screen data).
const first = ROUTES.find((r) => r.path === routeOf(location.hash)) ?? (location.hash ? null : ROUTES[0]!);
prefetch('/overview');
if (first) {
  first.preload().catch(() => {});
  for (const path of first.firstData ?? []) prefetch(path);
}

const root = document.getElementById('app');
if (root) render(<App />, root);
