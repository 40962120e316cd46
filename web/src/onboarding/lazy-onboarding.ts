/**
 * The welcome, fetched only when it is shown: most visits open on a runner's data, and the welcome's import
 * panel was the largest part of the first bundle (two of its seven files, which queued the first screen's
 * data behind them: a browser opens six connections to a host).
 */
import { lazyScreen } from '../lazy-screen.tsx';

export const LazyOnboarding = lazyScreen<{ onDone: () => void }>(
  () => import('./onboarding.screen.tsx').then((m) => m.OnboardingScreen),
  'the welcome',
).component;
