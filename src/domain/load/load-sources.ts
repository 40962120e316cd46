/**
 * Short citations shown next to every number the engine explains. Wording is ours; the facts come from
 * ../shared/research/training-load.md, which holds the full references and links.
 */
export const SOURCES = {
  frandsen2025: 'Frandsen et al., BJSM 2025',
  nielsen2014: 'Nielsen et al., JOSPT 2014',
  buist2008: 'Buist et al., Am J Sports Med 2008',
  gabbett2016: 'Gabbett, BJSM 2016',
  impellizzeri2021: 'Impellizzeri et al., Sports Med 2021',
  williams2017: 'Williams et al., BJSM 2017',
  windt2018: 'Windt & Gabbett, BJSM 2018',
  banister:
    'Banister TRIMP (Morton/Banister exponential weighting; constants as in Runalyze and GoldenCheetah)',
  trimpToTss: 'raw TRIMP ≈ 1.65–1.75 × hrTSS (Elevate issue 408)',
  pmc: 'Performance Management Chart, exponential form as in intervals.icu / GoldenCheetah',
  foster1998: 'Foster, Med Sci Sports Exerc 1998',
  runalyzeMonotony: 'Runalyze monotony thresholds (warning 1.5, critical 2.0)',
  gottschallKram2005: 'Gottschall & Kram, J Biomech 2005',
  heiderscheit2011: 'Heiderscheit et al., Med Sci Sports Exerc 2011',
  restDays: 'coaching convention; no trial sets a number of rest days for recreational runners',
} as const;

/** Version stamped on every derived number set; bump it when a formula changes (a recompute, not a migration). */
export const LOAD_ALGORITHM_VERSION = 'load-1';
