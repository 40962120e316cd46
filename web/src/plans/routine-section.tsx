/**
 * "Before and after your run": pick the warm-up, the cool-down or this phase of the runner's programme, and
 * play it in the routine player. The list comes from GET /api/routines, the steps from GET /api/routines/:name.
 */
import { useState } from 'preact/hooks';
import { useApi } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import type { RoutineJson, RoutineList } from '../types/plans.ts';
import { spokenDuration } from './routine-controls.ts';
import { RoutinePlayer } from './routine-player.tsx';

export interface ProgrammeRoutine {
  id: string;
  name: string;
  /** 0-based phase the runner is in. */
  phaseIndex: number;
  phaseName: string | null;
}

interface Choice {
  name: string;
  title: string;
  detail: string;
  phaseIndex: number | null;
}

function choicesFrom(list: RoutineList, programme: ProgrammeRoutine | null): Choice[] {
  const byName = new Map(list.routines.map((r) => [r.name, r]));
  const choices: Choice[] = [];
  for (const name of ['warmup', 'cooldown']) {
    const r = byName.get(name);
    if (r) {
      choices.push({
        name,
        title: name === 'warmup' ? 'Warm-up' : 'Cool-down',
        detail: `${name === 'warmup' ? 'before' : 'after'} a run · ${spokenDuration(r.durationS * 1000)}`,
        phaseIndex: null,
      });
    }
  }
  if (programme && byName.has(programme.id)) {
    choices.push({
      name: programme.id,
      title: 'Your programme',
      detail: `${programme.name}${programme.phaseName ? `: ${programme.phaseName}` : ''} (phase ${programme.phaseIndex + 1})`,
      phaseIndex: programme.phaseIndex,
    });
  }
  return choices;
}

function LoadedRoutine(props: { choice: Choice; onLogged: () => void }) {
  const { name, phaseIndex } = props.choice;
  const path = `/routines/${encodeURIComponent(name)}${phaseIndex === null ? '' : `?phase=${phaseIndex + 1}`}`;
  const routine = useApi<RoutineJson>(path);
  if (routine.error) return <ErrorMessage error={routine.error} retry={routine.reload} />;
  if (!routine.data) return <Loading what="the routine" />;
  return (
    <RoutinePlayer key={path} routine={routine.data} phaseIndex={phaseIndex} onLogged={props.onLogged} />
  );
}

export function RoutineSection(props: { programme: ProgrammeRoutine | null; onLogged: () => void }) {
  const list = useApi<RoutineList>('/routines');
  const [selected, setSelected] = useState('warmup');

  return (
    <section class="plans-section" aria-labelledby="routines-title">
      <h2 id="routines-title">Before and after your run</h2>
      <p class="intro">
        Guided routines, one exercise at a time with a countdown. A warm-up helps you feel loose and run well;
        stretching afterwards is for comfort. Neither has been shown to prevent injuries on its own: strength
        work does most of that.
      </p>
      {list.error && <ErrorMessage error={list.error} retry={list.reload} />}
      {!list.data && !list.error && <Loading what="routines" />}
      {list.data &&
        (() => {
          const choices = choicesFrom(list.data, props.programme);
          const choice = choices.find((c) => c.name === selected) ?? choices[0];
          return (
            <>
              <fieldset class="routine-choices">
                <legend>Choose a routine</legend>
                {choices.map((c) => (
                  <label key={c.name} class={`routine-choice${c === choice ? ' selected' : ''}`}>
                    <input
                      type="radio"
                      name="routine"
                      value={c.name}
                      checked={c === choice}
                      onChange={() => setSelected(c.name)}
                    />
                    <span>
                      <strong>{c.title}</strong>
                      <span class="routine-detail">{c.detail}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              {choice && <LoadedRoutine key={choice.name} choice={choice} onLogged={props.onLogged} />}
            </>
          );
        })()}
    </section>
  );
}
