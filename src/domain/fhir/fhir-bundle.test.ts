import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  DocumentReference,
  Observation,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from 'fhir/r4.js';
import { fhirR4Problems } from '../../../test/support/fhir-r4-rules.ts';
import type { Answers } from '../assessment/answers.schema.ts';
import { assessKnee } from '../assessment/assess.engine.ts';
import { fhirBundle } from './fhir-bundle.ts';
import type { FhirExportInput, FhirRun } from './fhir-export.input.ts';
import { dateTimeAt } from './fhir-values.ts';

const ATHLETE_ID = '0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const RUN_ID = '0196a1b2-c3d4-7e5f-8a9b-111111111111';

/** A morning trail run in the Alps (UTC+2), as the FIT importer stores it. */
const RUN: FhirRun = {
  id: RUN_ID,
  sport: 'trail_run',
  rawSport: 'trail_running',
  name: 'Col de la Forclaz',
  description: null,
  startAt: '2025-06-14T05:42:10.000Z',
  utcOffsetS: 7200,
  distanceM: 14_237.46,
  movingTimeS: 5_430,
  elapsedTimeS: 5_902.5,
  ascentM: 812,
  descentM: 798.4,
  avgHeartRate: 151,
  maxHeartRate: 178,
  avgCadenceSpm: 166.5,
  calories: 1012,
  excluded: false,
  isDemo: false,
};

const ANSWERS: Answers = {
  age: 34,
  sex: 'female',
  side: 'left',
  painLocation: ['lateral', 'anterior'],
  onset: 'gradual',
  durationDays: 21,
  downhillPain: true,
  stairsPain: true,
  trauma: false,
  swelling: 'none',
  canBearWeight: true,
};

function input(overrides: Partial<FhirExportInput> = {}): FhirExportInput {
  return {
    generatedAt: '2025-07-01T09:30:00.000Z',
    athlete: { id: ATHLETE_ID, name: 'Léa Runner', sex: 'female', birthYear: 1991 },
    runs: [
      RUN,
      {
        ...RUN,
        id: 'run-from-an-old-export',
        sport: 'other',
        rawSport: 'yoga',
        utcOffsetS: null,
        isDemo: true,
      },
    ],
    painEntries: [
      {
        id: '0196a1b2-c3d4-7e5f-8a9b-222222222222',
        occurredAt: '2025-06-14T09:00:00.000Z',
        localDate: '2025-06-14',
        side: 'left',
        regions: ['lateral'],
        painDuring: 3,
        painAfter: 6,
        painNextMorning: null,
        swelling: 'mild',
        onset: 'gradual',
        activityId: RUN_ID,
        note: 'Outer knee after the long descent',
        createdAt: '2025-06-14T09:01:12.345Z',
        utcOffsetS: 7200,
        isDemo: false,
      },
    ],
    kneeChecks: [
      {
        id: '0196a1b2-c3d4-7e5f-8a9b-333333333333',
        createdAt: '2025-06-20T18:00:00.000Z',
        isDemo: false,
        answers: ANSWERS,
        result: assessKnee(ANSWERS),
      },
    ],
    reports: [
      {
        id: '0196a1b2-c3d4-7e5f-8a9b-444444444444',
        title: 'Knee pain since 2025-06-14',
        episode: { onset: '2025-06-14', lastDate: '2025-06-20' },
        contentType: 'text/html',
        dataBase64: Buffer.from('<!doctype html><p>report</p>').toString('base64'),
        size: 28,
      },
    ],
    // A stand-in with the right shape: the service uses UUIDv5; here any fixed map is enough.
    nameBasedUuid: (id) => (id === 'run-from-an-old-export' ? '5d0c3b0e-8a3f-5b6e-9c1d-2e3f4a5b6c7d' : 'bad'),
    ...overrides,
  };
}

const byType = <T>(bundle: ReturnType<typeof fhirBundle>['bundle'], type: string) =>
  (bundle.entry ?? []).map((e) => e.resource).filter((r) => r?.resourceType === type) as T[];

describe('FHIR R4 bundle', () => {
  it('holds one resource per row, passes the R4 rules, and every reference resolves', () => {
    const { bundle, counts } = fhirBundle(input());
    assert.deepEqual(fhirR4Problems(bundle), []);
    assert.equal(bundle.type, 'collection');
    assert.equal(bundle.timestamp, '2025-07-01T09:30:00.000Z');
    assert.deepEqual(
      (bundle.entry ?? []).map((e) => e.resource?.resourceType),
      ['Patient', 'Observation', 'Observation', 'Observation', 'QuestionnaireResponse', 'DocumentReference'],
    );
    assert.deepEqual(counts, {
      Patient: 1,
      runObservations: 2,
      painObservations: 1,
      QuestionnaireResponse: 1,
      DocumentReference: 1,
    });
    assert.equal(bundle.entry?.[0]?.fullUrl, `urn:uuid:${ATHLETE_ID}`);
    assert.deepEqual(
      { ...bundle.entry?.[0]?.resource, identifier: undefined },
      {
        resourceType: 'Patient',
        id: ATHLETE_ID,
        identifier: undefined,
        active: true,
        name: [{ text: 'Léa Runner' }],
        gender: 'female',
        birthDate: '1991',
      },
    );
  });

  it('a run is an exercise activity in its own offset, with UCUM measures', () => {
    const [run, other] = byType<Observation>(fhirBundle(input()).bundle, 'Observation');
    assert.equal(run?.effectiveDateTime, '2025-06-14T07:42:10+02:00');
    assert.deepEqual(run?.code.coding?.[0], {
      system: 'http://loinc.org',
      code: '73985-4',
      display: 'Exercise activity',
    });
    assert.equal(run?.valueCodeableConcept?.coding?.[0]?.code, 'LA11836-6');
    assert.equal(run?.valueCodeableConcept?.text, 'Trail run (trail_running)');
    assert.equal(run?.category?.[0]?.coding?.[0]?.code, 'activity');
    const component = (code: string) => run?.component?.find((c) => c.code.coding?.[0]?.code === code);
    assert.deepEqual(component('55411-3')?.valueQuantity, {
      value: 90.5,
      unit: 'min',
      system: 'http://unitsofmeasure.org',
      code: 'min',
    });
    assert.equal(component('55430-3')?.valueQuantity?.value, 14_237.5);
    assert.equal(component('55430-3')?.valueQuantity?.code, 'm');
    assert.equal(component('55426-1')?.valueQuantity?.value, 178);
    assert.equal(component('55426-1')?.valueQuantity?.code, '/min');
    assert.equal(run?.component?.find((c) => c.code.text === 'Elevation gain')?.valueQuantity?.value, 812);
    assert.deepEqual(run?.note, [{ text: 'Col de la Forclaz' }]);
    // A sport without a LOINC answer is said in words; a non-UUID id keeps its original as an identifier.
    assert.deepEqual(other?.valueCodeableConcept, { text: 'Other activity (yoga)' });
    assert.equal(other?.id, '5d0c3b0e-8a3f-5b6e-9c1d-2e3f4a5b6c7d');
    assert.equal(other?.effectiveDateTime, '2025-06-14T05:42:10Z');
    assert.deepEqual(other?.identifier?.[1], { use: 'secondary', value: 'run-from-an-old-export' });
    // The demo runner's made-up rows are labelled as test data; the runner's own are not.
    assert.deepEqual(other?.meta?.security, [
      {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
        code: 'HTEST',
        display: 'test health data',
      },
    ]);
    assert.equal(run?.meta, undefined);
  });

  it('a pain entry is a 0–10 pain severity (LOINC 72514-3) valued with its worst score', () => {
    const pain = byType<Observation>(fhirBundle(input()).bundle, 'Observation')[2]!;
    assert.equal(pain.code.coding?.[0]?.code, '72514-3');
    assert.equal(
      pain.code.coding?.[0]?.display,
      'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
    );
    assert.deepEqual(pain.valueQuantity, {
      value: 6,
      unit: 'score',
      system: 'http://unitsofmeasure.org',
      code: '{score}',
    });
    assert.equal(pain.effectiveDateTime, '2025-06-14T11:00:00+02:00');
    assert.deepEqual(pain.bodySite?.coding?.[0], {
      system: 'http://snomed.info/sct',
      code: '82169009',
      display: 'Structure of left knee region',
    });
    assert.deepEqual(
      pain.component?.map((c) => [c.code.text, c.valueQuantity?.value ?? c.valueString]),
      [
        ['Pain during the run', 3],
        ['Pain after the run', 6],
        ['Swelling', 'mild'],
        ['Onset', 'gradual'],
      ],
    );
    assert.deepEqual(pain.note, [{ text: 'Outer knee after the long descent' }]);
  });

  it('a pain entry without any score says the value is unknown instead of inventing one', () => {
    const base = input().painEntries[0]!;
    const { bundle } = fhirBundle(
      input({ painEntries: [{ ...base, painDuring: null, painAfter: null, painNextMorning: null }] }),
    );
    const pain = byType<Observation>(bundle, 'Observation')[2]!;
    assert.equal(pain.valueQuantity, undefined);
    assert.equal(pain.dataAbsentReason?.coding?.[0]?.code, 'unknown');
    assert.deepEqual(fhirR4Problems(bundle), []);
  });

  it('a knee check answers under our answer keys and carries the urgency tier and differential', () => {
    const [qr] = byType<QuestionnaireResponse>(fhirBundle(input()).bundle, 'QuestionnaireResponse');
    const item = (linkId: string, items: QuestionnaireResponseItem[] = qr?.item ?? []) =>
      items.find((i) => i.linkId === linkId);
    assert.equal(qr?.status, 'completed');
    assert.equal(qr?.authored, '2025-06-20T18:00:00.000Z');
    assert.deepEqual(item('age')?.answer, [{ valueInteger: 34 }]);
    assert.equal(item('age')?.text, 'How old are you (years)?');
    assert.deepEqual(item('downhillPain')?.answer, [{ valueBoolean: true }]);
    assert.deepEqual(item('painLocation')?.answer, [{ valueString: 'lateral' }, { valueString: 'anterior' }]);
    assert.equal(
      qr?.item?.filter((i) => i.linkId !== 'result').length,
      Object.keys(ANSWERS).length,
      'one item per answer given',
    );
    const expected = assessKnee(ANSWERS);
    const result = item('result')!;
    assert.deepEqual(item('result.urgency', result.item)?.answer, [{ valueString: expected.urgency }]);
    const differential = item('result.differential', result.item)?.item ?? [];
    assert.equal(differential.length, expected.differential.length);
    assert.ok(differential.length > 0);
    assert.equal(differential[0]?.text, expected.differential[0]?.name);
    assert.deepEqual(item('result.differential.1.id', differential[0]?.item)?.answer, [
      { valueString: expected.differential[0]?.id },
    ]);
  });

  it('a report is a DocumentReference holding the HTML, with the episode as its period', () => {
    const [doc] = byType<DocumentReference>(fhirBundle(input()).bundle, 'DocumentReference');
    assert.ok(doc);
    assert.equal(doc.type?.coding?.[0]?.code, '34133-9');
    assert.deepEqual(doc.context?.period, { start: '2025-06-14', end: '2025-06-20' });
    assert.equal(
      Buffer.from(doc.content[0]?.attachment.data ?? '', 'base64').toString(),
      '<!doctype html><p>report</p>',
    );
    assert.equal(doc.date, '2025-07-01T09:30:00.000Z');
  });

  it('refuses a timestamp that is not a UTC instant and a name-based id that is not a UUID', () => {
    assert.throws(() => fhirBundle(input({ generatedAt: '2025-07-01' })), /generatedAt/);
    assert.throws(
      () => fhirBundle(input({ nameBasedUuid: () => 'not-a-uuid' })),
      /nameBasedUuid\("run-from-an-old-export"\)/,
    );
  });

  it('the R4 rules catch a dangling reference, an invented code system and a value beside dataAbsentReason', () => {
    const { bundle } = fhirBundle(input());
    const broken = structuredClone(bundle);
    const run = broken.entry?.[1]?.resource as Observation;
    run.subject = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' };
    run.code.coding = [{ system: 'https://kneewise.example/codes', code: 'run' }];
    run.dataAbsentReason = { text: 'unknown' };
    run.issued = '2025-06-14';
    const problems = fhirR4Problems(broken);
    assert.ok(problems.some((p) => /does not resolve inside the Bundle/.test(p)));
    assert.ok(problems.some((p) => /not a published code system/.test(p)));
    assert.ok(problems.some((p) => /obs-6/.test(p)));
    assert.ok(problems.some((p) => /issued.*not an instant/.test(p)));
    const duplicated = structuredClone(bundle);
    duplicated.entry?.push(duplicated.entry[1]!);
    assert.ok(fhirR4Problems(duplicated).some((p) => /bdl-7/.test(p)));
  });
});

describe('dateTimeAt', () => {
  it('writes the wall time with its offset, or UTC when the offset is unknown or not whole minutes', () => {
    assert.equal(dateTimeAt('2025-01-05T23:30:00.000Z', -18_000), '2025-01-05T18:30:00-05:00');
    assert.equal(dateTimeAt('2025-01-05T23:30:00.000Z', 19_800), '2025-01-06T05:00:00+05:30');
    assert.equal(dateTimeAt('2025-01-05T23:30:00.250Z', 0), '2025-01-05T23:30:00.250+00:00');
    assert.equal(dateTimeAt('2025-01-05T23:30:00.000Z', null), '2025-01-05T23:30:00Z');
    assert.equal(dateTimeAt('2025-01-05T23:30:00.000Z', 3_601), '2025-01-05T23:30:00Z');
  });
});
