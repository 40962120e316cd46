import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useAppState } from '../settings-context.tsx';

/** Shown on every screen while demo data is stored, so nobody mistakes the demo runner for themselves. */
export function DemoBanner() {
  const { refresh } = useAppState();
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await api('/demo', { method: 'DELETE' });
      // Without the demo there may be nothing to show on this screen: start again from Today, which offers
      // the import when no runs are left.
      location.hash = '#/today';
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <aside class="demo-banner" aria-label="Demo data">
      <p>
        <strong>Demo data.</strong> You are looking at a made-up runner, not your own runs.
      </p>
      <button type="button" onClick={remove} disabled={busy}>
        {busy ? 'Removing…' : 'Remove demo data'}
      </button>
    </aside>
  );
}
