import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clinicianSources, readableSource } from './citation.ts';

describe('citations', () => {
  it('drops our file paths, section marks and reminders to verify', () => {
    assert.equal(
      readableSource(
        'Cook et al., Am J Sports Med 1985;13:248 (midsole wear); Malisoux et al. 2015 (rotation, to verify) — research/clinical.md §5.8, training-load.md §9',
      ),
      'Cook et al., Am J Sports Med 1985;13:248 (midsole wear); Malisoux et al. 2015 (rotation)',
    );
    assert.equal(
      readableSource(
        'van der Worp et al., PLoS One 2015; research/clinical.md (ITBS and popliteus aggravators)',
      ),
      'van der Worp et al., PLoS One 2015',
    );
    assert.equal(
      readableSource(
        'Frandsen et al., Br J Sports Med 2025;59:1203 (Garmin-RUNSAFE) — research/training-load.md §1',
      ),
      'Frandsen et al., Br J Sports Med 2025;59:1203 (Garmin-RUNSAFE)',
    );
  });

  it('lists each paper once, in its fullest form, and only references a clinician would accept', () => {
    const list = clinicianSources([
      'Frandsen et al., BJSM 2025',
      'Nielsen et al., JOSPT 2014;44:739; Damsted et al., JOSPT 2019;49:230 — research/training-load.md §2',
      'Frandsen JSB et al. Br J Sports Med 2025;59:1203 (single-session spikes)',
      'Coaching convention; US Army return-to-run programme (rest day between runs) — research/clinical.md §5.6',
      'NHS knee pain advice as summarised at lincolnshireknee.co.uk (same-day help triggers)',
      'Cook et al., Am J Sports Med 1985;13:248; Malisoux et al. 2015 (rotation, to verify)',
    ]);
    assert.deepEqual(list, [
      'Frandsen JSB et al. Br J Sports Med 2025;59:1203 (single-session spikes)',
      'Nielsen et al., JOSPT 2014;44:739',
      'Damsted et al., JOSPT 2019;49:230',
      'Cook et al., Am J Sports Med 1985;13:248',
    ]);
  });
});
