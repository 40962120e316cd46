/**
 * How the runner shares their running between pairs over the 90 days up to their last run, with what the
 * (thin) evidence on rotation says.
 */
import { dayMonthYear } from '../format-dates.ts';
import { useUnits } from '../settings-context.tsx';
import type { ShoeList } from '../types/shoes.ts';
import { EvidenceLabel } from './screen.tsx';

export function ShoeRotation(props: { list: ShoeList }) {
  const units = useUnits();
  const { rotation, shoes } = props.list;
  const nameOf = (id: string) => shoes.find((s) => s.id === id)?.name ?? 'A deleted pair';
  const period = `${dayMonthYear(rotation.from)} to ${dayMonthYear(rotation.to)}`;
  return (
    <section class="card shoes-screen-card" aria-labelledby="shoe-rotation-title">
      <h2 id="shoe-rotation-title">Rotation</h2>
      {rotation.runs === 0 ? (
        <p>No runs from {period}.</p>
      ) : rotation.runsWithShoe === 0 ? (
        <p>
          {rotation.runs === 1
            ? `Your run from ${period} has no pair recorded`
            : `None of your ${rotation.runs} runs from ${period} has a pair recorded`}
          : add your shoes and choose them for your runs to see how you share your running.
        </p>
      ) : (
        <>
          <p>
            From {period}: {rotation.runsWithShoe} of {rotation.runs}{' '}
            {rotation.runs === 1 ? 'run has' : 'runs have'} a pair recorded.{' '}
            {rotation.rotating
              ? `You share your running between ${rotation.shares.filter((s) => s.share >= 0.2).length} pairs.`
              : 'One pair carries most of your running.'}
          </p>
          {rotation.shares.length > 0 && (
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">Running per pair</caption>
                <thead>
                  <tr>
                    <th scope="col">Pair</th>
                    <th scope="col">Runs</th>
                    <th scope="col">Distance</th>
                    <th scope="col">Share</th>
                  </tr>
                </thead>
                <tbody>
                  {rotation.shares.map((s) => (
                    <tr key={s.shoeId}>
                      <th scope="row">{nameOf(s.shoeId)}</th>
                      <td>{s.runs}</td>
                      <td>{units.distance(s.distanceM)}</td>
                      <td>{Math.round(s.share * 100)} %</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <EvidenceLabel
        level="Weak evidence"
        source="Malisoux et al., Scand J Med Sci Sports 2015;25:110 (one cohort)"
      >
        Runners who rotated several pairs had fewer injuries in one cohort; no trial has tested it.
      </EvidenceLabel>
    </section>
  );
}
