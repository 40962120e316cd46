/** "Just let me look around": fills the database with the removable demo runner. */
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/status-messages.tsx';
import type { DemoResponse } from '../types/imports.ts';

export function DemoStart(props: { onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const seed = async () => {
    setBusy(true);
    setError(null);
    try {
      await api<DemoResponse>('/demo', { method: 'POST' });
      props.onDone();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      setBusy(false);
    }
  };
  return (
    <section class="demo-start card" aria-labelledby="demo-start-title">
      <h2 id="demo-start-title">No export at hand?</h2>
      <p>
        Look around with a made-up runner first. The demo data is clearly marked and you can remove it with
        one click whenever you like.
      </p>
      <button type="button" class="secondary" onClick={seed} disabled={busy}>
        {busy ? 'Adding the demo runner…' : 'Try it with demo data'}
      </button>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
