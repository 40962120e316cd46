import assert from 'node:assert/strict';
import { dbTest } from '../../../test/support/test-databases.ts';
import { TOTAL_QUESTIONS } from '../../domain/assessment/questionnaire.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import { cliJson, errorOf, harness } from './route-test.support.ts';

const ANSWERS = {
  age: 29,
  side: 'left',
  painLocation: 'lateral',
  onset: 'gradual',
  trauma: false,
  canBearWeight: true,
  redHotJoint: false,
  fever: false,
  calfPain: false,
  calfSwelling: false,
  lockedNow: false,
  nightPain: false,
  painAtRest: false,
  downhillPain: true,
  durationDays: 10,
};

interface Next {
  question: { key: string; kind: string } | null;
  asked: number;
  totalQuestions: number;
  phase: string | null;
  estimatedLeft: number;
}

dbTest('assessment/next walks the adaptive questionnaire; bad answers are the parser errors', async (tdb) => {
  const h = await harness(tdb, { seed: 'none', routes: assessmentRoutes });
  try {
    const first = (await (await h.call('POST', '/assessment/next', {})).json()) as Next;
    assert.deepEqual(first, {
      question: { ...first.question, key: 'age', kind: 'number' },
      asked: 0,
      totalQuestions: TOTAL_QUESTIONS,
      phase: 'warning signs',
      estimatedLeft: first.estimatedLeft,
    });
    assert.ok(
      first.estimatedLeft >= 25 && first.estimatedLeft <= 45,
      `about ${first.estimatedLeft} questions`,
    );
    const bare = (await (await h.call('POST', '/assessment/next')).json()) as Next;
    assert.equal(bare.question?.key, 'age', 'no body = no answers yet');

    const second = (await (
      await h.call('POST', '/assessment/next', { answers: { age: 40 } })
    ).json()) as Next;
    assert.equal(second.question?.key, 'trauma');
    assert.equal(second.asked, 1);
    const skipped = (await (
      await h.call('POST', '/assessment/next', { answers: { age: 40 }, skipped: ['trauma'] })
    ).json()) as Next;
    assert.equal(skipped.question?.key, 'canBearWeight', '"don\'t know" is not asked again');
    assert.equal(skipped.asked, 2);

    // Answer everything the questionnaire asks ("don't know" to the rest) until it stops.
    const answers: Record<string, unknown> = {};
    const dontKnow: string[] = [];
    for (let step = 0; step < TOTAL_QUESTIONS; step += 1) {
      const next = (await (
        await h.call('POST', '/assessment/next', { answers, skipped: dontKnow })
      ).json()) as Next;
      if (next.question === null) break;
      const key = next.question.key;
      if (key in ANSWERS) answers[key] = ANSWERS[key as keyof typeof ANSWERS];
      else dontKnow.push(key);
    }
    const done = (await (
      await h.call('POST', '/assessment/next', { answers, skipped: dontKnow })
    ).json()) as Next;
    assert.equal(done.question, null, 'the questionnaire stops');
    assert.equal(done.phase, null);
    assert.equal(done.estimatedLeft, 0);
    assert.ok(done.asked >= 10 && done.asked < TOTAL_QUESTIONS);

    const bad = await errorOf(
      await h.call('POST', '/assessment/next', { answers: { trauma: 'maybe' } }),
      400,
    );
    assert.deepEqual(
      { code: bad.code, message: bad.message },
      { code: 'ANSWER_INVALID', message: 'answer "trauma" is "maybe"; expected true or false' },
    );
    const unknown = await errorOf(
      await h.call('POST', '/assessment/next', { answers: {}, skipped: ['kneeColour'] }),
      400,
    );
    assert.equal(unknown.code, 'INVALID_REQUEST');
    assert.match(unknown.message, /^body\.skipped\.0: /);
  } finally {
    await h.close();
  }
});

dbTest(
  'assessments: run and save (= assess --json plus id), once per identical request, then latest',
  async (tdb) => {
    const h = await harness(tdb, { routes: assessmentRoutes });
    try {
      const cli = (await cliJson(
        tdb.url,
        ['assess', '--answers', '-', '--no-save', '--json'],
        JSON.stringify(ANSWERS),
      )) as Record<string, unknown>;
      const created = await h.call('POST', '/assessments', { answers: ANSWERS });
      assert.equal(created.status, 201);
      const result = (await created.json()) as Record<string, unknown>;
      assert.equal(typeof result.id, 'string');
      assert.deepEqual({ ...result, id: null }, cli, 'the CLI document plus the id');

      const repeated = await h.call('POST', '/assessments', { answers: { ...ANSWERS } });
      assert.equal(repeated.status, 200, 'the same answers the same day are the same check');
      assert.equal(((await repeated.json()) as { id: string }).id, result.id);

      const latest = await h.get<Record<string, unknown>>('/assessments/latest');
      assert.equal(latest.id, result.id);
      assert.equal(latest.urgency, result.urgency);
      assert.deepEqual(latest.conditions, result.conditions);
      assert.deepEqual(latest.answers, ANSWERS);
      assert.equal(latest.createdAt, '2025-06-29T12:00:00.000Z');

      const unsaved = await h.call('POST', '/assessments', { answers: { ...ANSWERS, age: 30 }, save: false });
      assert.equal(unsaved.status, 200);
      assert.equal(((await unsaved.json()) as { id: null }).id, null);
      assert.equal((await h.get<{ id: string }>('/assessments/latest')).id, result.id, 'not saved');
      const count = await h.handle.db
        .selectFrom('assessments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 2, 'the seeded one and ours');

      const missingAge = await errorOf(
        await h.call('POST', '/assessments', { answers: { trauma: false } }),
        400,
      );
      assert.equal(missingAge.code, 'ANSWER_INVALID');
      assert.match(missingAge.message, /answer "age" is required/);
      const badSave = await errorOf(
        await h.call('POST', '/assessments', { answers: ANSWERS, save: 'yes' }),
        400,
      );
      assert.match(badSave.message, /^body\.save: /);
    } finally {
      await h.close();
    }
  },
);

dbTest('assessments/latest without one is a 404 ASSESSMENT_NONE', async (tdb) => {
  const h = await harness(tdb, { seed: 'none', routes: assessmentRoutes });
  try {
    assert.equal((await errorOf(await h.call('GET', '/assessments/latest'), 404)).code, 'ASSESSMENT_NONE');
  } finally {
    await h.close();
  }
});
