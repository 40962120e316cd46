/**
 * The `kneewise advice --json` document, shared by the CLI and GET /api/advice: the advice catalogue plus
 * return-to-run as one more topic (the readiness tests, the walk-run levels and the rules, each sourced).
 */
import { KneewiseError } from '../../domain/errors.ts';
import { ADVICE, adviceTopic } from '../../domain/plans/advice.catalog.ts';
import { READINESS_TESTS, RETURN_RULES, WALK_RUN_LEVELS } from '../../domain/plans/return-to-run.ts';

export interface AdviceTopicJson {
  id: string;
  title: string;
  points: readonly { text: string; source: string; tier?: string }[];
}

export const ADVICE_TOPIC_IDS: readonly string[] = [...ADVICE.map((t) => t.id), 'return-to-run'];

function returnToRunTopic(): AdviceTopicJson {
  return {
    id: 'return-to-run',
    title: 'Returning to running',
    points: [
      ...READINESS_TESTS.map((t) => ({
        text: `Test — ${t.name}: ${t.howTo} Pass: ${t.pass}`,
        source: t.source,
      })),
      ...WALK_RUN_LEVELS.map((l) => ({
        text: `Level ${l.level}: walk 5 min, then ${l.description}.`,
        source: RETURN_RULES.source,
      })),
      ...RETURN_RULES.text.map((text) => ({ text, source: RETURN_RULES.source })),
    ],
  };
}

/** Every topic, or just `topic`; an unknown topic is ADVICE_UNKNOWN_TOPIC naming the known ones. */
export function adviceTopics(topic?: string): { topics: AdviceTopicJson[] } {
  if (topic === undefined) return { topics: [...ADVICE, returnToRunTopic()] };
  if (topic === 'return-to-run') return { topics: [returnToRunTopic()] };
  const found = adviceTopic(topic);
  if (!found)
    throw new KneewiseError(
      'ADVICE_UNKNOWN_TOPIC',
      `Unknown advice topic "${topic}": expected one of ${ADVICE_TOPIC_IDS.join(', ')}`,
    );
  return { topics: [found] };
}
