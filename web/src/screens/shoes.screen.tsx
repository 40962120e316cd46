/**
 * Shoes: every pair with its distance in the runner's units, the reminder distances and what the evidence
 * says about them (the 300–500 mile rule comes from midsole-wear tests, not injury trials), rotation, and
 * adding, renaming, defaults per kind of run, choosing the pair of each recent run, retiring and deleting.
 */
import { useEffect, useState } from 'preact/hooks';
import { inRunnerUnits } from '../../../src/domain/units.ts';
import { useApi } from '../api.ts';
import { EvidenceLabel, NotADiagnosis, Screen } from '../components/screen.tsx';
import { ShoeAddForm } from '../components/shoe-add-form.tsx';
import { ShoeCard, type ShoeChange } from '../components/shoe-card.tsx';
import { ShoeRetiredList } from '../components/shoe-retired-list.tsx';
import { ShoeRotation } from '../components/shoe-rotation.tsx';
import { ShoeRunAssign } from '../components/shoe-run-assign.tsx';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { useAppState, useCanWrite, useUnits } from '../settings-context.tsx';
import type { ShoeList } from '../types/shoes.ts';
import './shoes.screen.css';

export function ShoesScreen() {
  const list = useApi<ShoeList>('/shoes?includeRetired=true');
  const { refresh } = useAppState();
  // Server mode, read-only: the shoes and their wear, without the forms that change them.
  const canWrite = useCanWrite('gear');
  const units = useUnits();
  const [status, setStatus] = useState('');
  const [focusAfterLoad, setFocusAfterLoad] = useState<string | null>(null);

  useEffect(() => {
    if (list.loading || focusAfterLoad === null) return;
    document.getElementById(focusAfterLoad)?.focus();
    setFocusAfterLoad(null);
  }, [list.loading, list.data, focusAfterLoad]);

  const changed = (change: ShoeChange) => {
    setStatus(change.message);
    if (change.focus) setFocusAfterLoad(change.focus);
    list.reload();
    refresh(); // the overview counts shoes
  };

  const data = list.data;
  const active = data ? data.shoes.filter((s) => s.retiredAt === null) : [];
  const retired = data ? data.shoes.filter((s) => s.retiredAt !== null) : [];

  return (
    <Screen
      title="Shoes"
      intro="Your running shoes: how far each pair has gone, and how you share your runs between them."
    >
      <p class="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && (
        <p class="alert alert-ok shoe-status" aria-hidden="true">
          {status}
        </p>
      )}
      {list.error && <ErrorMessage error={list.error} retry={list.reload} />}
      {!data && !list.error && <Loading what="your shoes" />}
      {data && (
        <>
          <EvidenceLabel level="Folk wisdom" source={data.evidence.source}>
            {inRunnerUnits(data.evidence.text, units.units)} kneewise reminds you at{' '}
            {units.distance(data.thresholds.nudgeM)} and suggests a check at{' '}
            {units.distance(data.thresholds.checkM)}.
          </EvidenceLabel>
          <section aria-labelledby="shoes-active-title">
            <h2 id="shoes-active-title" tabIndex={-1}>
              In use
            </h2>
            {active.length === 0 ? (
              <p class="card empty-state">
                No pairs in use yet. Add the shoes you run in below, and kneewise counts their distance from
                the runs you assign to them.
              </p>
            ) : (
              <div class="shoe-grid">
                {active.map((shoe) => (
                  <ShoeCard
                    key={shoe.id}
                    shoe={shoe}
                    list={data}
                    {...(canWrite ? { onChanged: changed } : {})}
                  />
                ))}
              </div>
            )}
          </section>
          {canWrite && <ShoeRunAssign shoes={data.shoes} onChanged={changed} />}
          {canWrite && <ShoeAddForm onAdded={(shoe) => changed({ message: `"${shoe.name}" added.` })} />}
          <ShoeRotation list={data} />
          {canWrite && <ShoeRetiredList shoes={retired} onChanged={changed} />}
        </>
      )}
      <NotADiagnosis />
    </Screen>
  );
}
