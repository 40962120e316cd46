/**
 * The references behind every dose, rule and piece of advice in the plans domain, by short id. Each exercise,
 * programme, rule and advice card carries one of these strings as its `source`, so the runner (and a clinician
 * reading the report) can see where a number came from. Citations as collected in
 * ../shared/research/clinical.md §5 and ../shared/research/training-load.md.
 */
export const PLAN_SOURCES = {
  lauersen2014:
    'Lauersen JB et al. Br J Sports Med 2014;48:871 (strength training RR 0.32; stretching RR 0.96, no effect)',
  dosingTemplate:
    'Knee-pain programme template from trial protocols: 2-3 sessions/week for 6-12 weeks, 2-3 sets x 10-15 reps (Bolgla 2016; BMC Musculoskelet Disord 2012;13:9)',
  warmupEvidence:
    'Fields 2010; Herman 2012 review: no runner trials show warm-ups prevent injury; useful for performance',
  stretchEvidence:
    'Lauersen 2014: stretching did not prevent injuries (RR 0.96); 15-30 s static holds for comfort and range',
  malliaras2015:
    'Malliaras P, Cook J, Purdam C, Rio E. JOSPT 2015;45:887 (isometric -> heavy slow -> energy storage -> return)',
  rio2015: 'Rio E et al. Br J Sports Med 2015 (5 x 45 s isometric holds at ~70% effort ease tendon pain)',
  vanArk2016:
    'van Ark M et al. J Sci Med Sport 2016 (isometric and isotonic in-season programmes both reduced pain)',
  willy2019:
    'Willy RW et al. JOSPT 2019;49(9):CPG1-95 (combined hip- and knee-targeted exercise for patellofemoral pain)',
  crossley2016: 'Crossley KM et al. Br J Sports Med 2016;50:844 (PFP consensus: hip + knee exercise)',
  esculier2018:
    'Esculier JF et al. Br J Sports Med 2018;52:659 (education on load management for runners with PFP)',
  beers2008: 'Beers A et al. Physiother Can 2008;60:180 (6-week hip abductor programme in ITBS)',
  itbsManagement:
    'ITBS management: Beers 2008; Noehren 2014; BMJ Best Practice (load reduction, hip strength, +5-10% cadence)',
  pesAnserine:
    'Pes anserine bursitis: orthovellum, glorthopedics, Shmerling (Harvard): load change, hamstring/adductor strength, 4-8 weeks',
  distalHamstring:
    'Distal hamstring tendinopathy: sportsinjuryclinic.net; summerhillphysio.com.au; thephysiorunner.com.au (isometrics -> strength through range)',
  niceNg226:
    'NICE NG226 (2022) osteoarthritis: therapeutic exercise and weight management are core treatment',
  lo2018: 'Lo GH et al. 2018 (running not linked to worsening knee OA in people over 50)',
  silbernagel2007:
    'Silbernagel KG et al. Am J Sports Med 2007 pain-monitoring model (pain settles by next morning, no week-on-week rise)',
  painTrafficLight:
    'Pain-monitoring traffic light: 0-3/10 safe, 4-5/10 acceptable, above 5/10 too much (T. Goom, bim.physio)',
  kneeRedFlags:
    'The knee check red-flag rules: NHS knee pain advice; Gloucestershire NHS knee pathway red flags; Stiell IG et al. Ann Emerg Med 1995 (Ottawa knee rule); Long B et al. West J Emerg Med (septic arthritis)',
  frandsen2025:
    'Frandsen JSB et al. Br J Sports Med 2025;59:1203 (runs >10% longer than the 30-day longest: HRR 1.52-2.28)',
  nielsen2014:
    'Nielsen RO et al. JOSPT 2014;44:739 (>30% weekly growth over 2 weeks: more distance-related injuries, HR 1.59)',
  buist2008:
    'Buist I et al. Am J Sports Med 2008;36:33 (a 10%-rule programme did not reduce injuries: 20.8% vs 20.3%)',
  damsted2019:
    'Damsted C et al. JOSPT 2019;49:230 (weekly increases of 20-60% vs <20%: more injuries at day 21)',
  foster1998: 'Foster C. Med Sci Sports Exerc 1998;30:1164 (monotony; easy days and lighter weeks)',
  armyRtr:
    'US Army telehealth return-to-run programme, Trials 2023 (walk-run phases, rest day between runs, progress only without more pain)',
  arcRunning:
    'arc-running.com run-walk progression (5 x walk/jog blocks; run only with pain <3/10 not lingering next day)',
  couchTo5k: 'NHS Couch to 5K (9 weeks x 3 runs, rest days between, repeating weeks allowed)',
  readiness:
    'Return-to-run checklists: precisionpt.org (30 min brisk walk, 10 single-leg squats); stack.com (20 calf raises, hopping)',
  peaceLove: 'Dubois B, Esculier JF. Br J Sports Med 2020;54:72 (PEACE & LOVE)',
  nhsPrice: 'NHS emergency department leaflets (PRICE: ice 15 min every 2 h, elevation, simple pain relief)',
  malisoux2016:
    'Malisoux L et al. Br J Sports Med 2016;50:481 (motion-control shoes HR 0.55 overall, 0.34 in pronated feet; 372 runners)',
  willyOrthoses:
    'Willy 2019 CPG: prefabricated foot orthoses short term (<=6 weeks) for PFP with more pronation',
  vanDerWorp2015:
    'van der Worp MP et al. PLoS One 2015 (risk factors: previous injury; orthotic use as a marker)',
  shoeMileage:
    'Cook SD et al. Am J Sports Med 1985;13:248 (midsole wear); no trial shows 300-500 mile replacement prevents injury',
  gottschall2005: 'Gottschall JS, Kram R. J Biomech 2005;38:445 (downhill at -9 deg: impact peaks +54%)',
  heiderscheit2011:
    'Heiderscheit BC et al. Med Sci Sports Exerc 2011;43:296 (+5-10% step rate lowers knee load)',
  nhsSelfHelp: 'UHMB NHS MSK self-help: most knee pain settles within 6-12 weeks; staying active helps',
} as const;

export type PlanSourceId = keyof typeof PLAN_SOURCES;
