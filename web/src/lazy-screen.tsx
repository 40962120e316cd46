/**
 * A screen whose code is fetched on first visit, so the first screen does not wait for every other screen's
 * code (the charts alone are most of the dashboard's JavaScript). `preload` starts the fetch early, e.g. at boot
 * for the screen in the address bar; the browser fetches a module once however often it is asked for.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Loading } from './components/status-messages.tsx';

export interface LazyScreen<P extends object = Record<string, never>> {
  component: FunctionComponent<P>;
  preload: () => Promise<FunctionComponent<P>>;
}

export function lazyScreen<P extends object = Record<string, never>>(
  load: () => Promise<FunctionComponent<P>>,
  what: string,
): LazyScreen<P> {
  let loaded: FunctionComponent<P> | null = null;
  let pending: Promise<FunctionComponent<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (screen) => {
        loaded = screen;
        return screen;
      },
      (error: unknown) => {
        pending = null; // a failed fetch (the server restarted with a new build) may be retried
        throw error;
      },
    );
    return pending;
  };
  function Lazy(props: P) {
    const [screen, setScreen] = useState<FunctionComponent<P> | null>(() => loaded);
    const [error, setError] = useState<Error | null>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (screen) return;
      let live = true;
      preload().then(
        (s) => live && setScreen(() => s),
        (e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))),
      );
      return () => {
        live = false;
      };
    }, [screen, attempt]);
    if (screen) {
      const Screen = screen;
      return <Screen {...props} />;
    }
    if (error) {
      return (
        <ErrorMessage
          error={error}
          retry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      );
    }
    return <Loading what={what} />;
  }
  return { component: Lazy, preload };
}
