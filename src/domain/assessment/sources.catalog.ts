/**
 * The references behind the knowledge base, by short id. Facts in the condition cards, rules and advice
 * point here, and the assessment lists the ones it actually used. Citations as collected in
 * ../shared/research/clinical.md (figures there are copied from these sources).
 */
export const SOURCES = {
  kujala1985:
    "Kujala UM, Kvist M, Heinonen O. Osgood-Schlatter's disease in adolescent athletes. Am J Sports Med 1985;13:236-41",
  francis2019: 'Francis P et al. J Sports Sci Med 2019;18:21-31 (knee 28% of running injuries)',
  kakouris2021: 'Kakouris N, Yener N, Fong DTP. J Sport Health Sci 2021 (prevalence of running injuries)',
  taunton2002: 'Taunton JE et al. Br J Sports Med 2002;36:95-101 (2,002 running injuries)',
  nielsen2014dano: 'Nielsen RO et al. PLoS One 2014;9:e99877 (DANO-RUN novice injuries)',
  nielsen2014jospt: 'Nielsen RO et al. JOSPT 2014 (weekly distance progression >30%, HR 1.59)',
  frandsen2025: 'Frandsen JSB et al. Br J Sports Med 2025;59:1203 (single-session spikes, HR 1.52-2.28)',
  mulvad2018: 'Mulvad B et al. PLoS One 2018 (RUN CLEVER recovery times)',
  bunt2018: 'Bunt CW et al. Am Fam Physician 2018;98:576 (knee pain by location, age, onset)',
  fpnotebook: 'FPnotebook: knee pain by location https://fpnotebook.com/Ortho/Sx/ActKnPn.htm',
  willy2019: 'Willy RW et al. JOSPT 2019;49(9):CPG1-95 (patellofemoral pain guideline)',
  crossley2016: 'Crossley KM et al. Br J Sports Med 2016;50:844 (PFP consensus)',
  collins2018: 'Collins NJ et al. Br J Sports Med 2018;52:1170 (PFP consensus update)',
  gaitonde2019: 'Gaitonde DY et al. Am Fam Physician 2019;99:88 (patellofemoral pain)',
  esculier2018: 'Esculier JF et al. Br J Sports Med 2018;52:659 (education for runners with PFP)',
  fresnoIM: 'Fresno IM question bank: ITB 2-3 cm above, pes anserine 4-5 cm below the joint line',
  beers2008: 'Beers A et al. Physiother Can 2008;60:180 (hip abductor programme in ITBS)',
  malliaras2015: 'Malliaras P, Cook J, Purdam C, Rio E. JOSPT 2015;45:887 (patellar tendinopathy)',
  quadTendon: 'Quadriceps tendinopathy review https://pmc.ncbi.nlm.nih.gov/articles/PMC6746230',
  patientBursitis: 'Patient.info: prepatellar bursitis https://patient.info/doctor/prepatellar-bursitis',
  tayside: 'NHS Tayside referral guidance (bursitis, tendinopathy) PROD_354611, PROD_358883',
  pesAnserine: 'Orthovellum and glorthopedics: pes anserine bursitis; Shmerling RH (Harvard)',
  glos: 'Gloucestershire knee pathway and red flags https://g-care.glos.nhs.uk/pathway/58/resource/3',
  kise2016: 'Kise NJ et al. BMJ 2016;354:i3740 (exercise vs meniscectomy)',
  siemieniuk2017: 'Siemieniuk RAC et al. BMJ 2017;357:j1982 (against arthroscopy in degenerative knees)',
  gpnotebookAcl: 'GPnotebook: clinical features of ACL tear; timing of knee swelling after injury',
  medvellum: 'MedVellum: knee injuries in adults https://medvellum.com/topics/knee-injuries-adult',
  etgMcl: 'eTG summary: acute knee injuries, MCL grades and recovery',
  majewski2006: 'Majewski M et al. 2006, >17,000 sports knee injuries (PCL 0.65%, LCL 1.1%, ACL 20.3%)',
  bakersCyst: "Ruptured Baker's cyst vs DVT: medicalalgorithms.com; Phlebology (jstage) 23:261",
  hamstringTendon: 'Distal hamstring tendinopathy: sportsinjuryclinic.net; thephysiorunner.com.au',
  merckPopliteus: 'Merck Manual Professional: popliteus tendinitis',
  plica2017: 'Medial plica syndrome review https://pmc.ncbi.nlm.nih.gov/articles/PMC5553487',
  fatPad: 'Fat pad impingement: askphysio.com; sportsinjuryclinic.net; purephysiomsk.co.uk',
  nice226: 'NICE NG226 Osteoarthritis in over 16s (2022), recommendations 1.1.1 onward',
  alentorn2017: 'Alentorn-Geli E et al. JOSPT 2017 (running and OA prevalence)',
  bsi: 'Bone stress injury: Kahanov L et al. OAJSM 2015; Warden SJ et al. 2021 (PMC8316280); PMC8192811',
  osgood: 'Osgood-Schlatter: Antich & Brewster JOSPT 1985; Corbi F et al. Healthcare 2022 (PMC9222654)',
  matava1999: 'Matava MJ et al. J Pediatr Orthop 1999;19:455 (SCFE presenting as knee pain)',
  peck2017: 'Peck DM. Am Fam Physician 2017;95:779 (slipped capital femoral epiphysis)',
  khan2004: 'Khan AM et al. Ann R Coll Surg Engl 2004;86:119 (hip disease presenting as knee pain)',
  lumbarReferral: 'NHS Borders lower-limb red flags; upper lumbar radiculopathy referral patterns',
  stiell1995: 'Stiell IG et al. Ann Emerg Med 1995;26:405 (Ottawa knee rule derivation)',
  stiell1996: 'Stiell IG et al. JAMA 1996;275:611 (Ottawa knee rule validation)',
  bachmann2004: 'Bachmann LM et al. Ann Intern Med 2004;140:121 (Ottawa knee rule meta-analysis, NLR 0.05)',
  stanitski1993:
    'Stanitski CL, Harvell JC, Fu F. Observations on acute knee hemarthrosis in children and adolescents. J Pediatr Orthop 1993;13:506-10',
  bulloch2003: 'Bulloch B et al. Ann Emerg Med 2003;42:48 (Ottawa knee rule in children)',
  longSeptic: 'Long B et al. West J Emerg Med: septic arthritis and its mimics in the ED',
  nhsDvt:
    'NHS DVT advice (urgent 111; 999 if breathless or chest pain); Gloucestershire Hospitals DVT leaflet',
  elhtKneeInjury:
    'East Lancashire Hospitals NHS Trust: traumatic knee injury, when to go to A&E (cannot put weight through the leg) https://elht.nhs.uk/services/integrated-msk-pain-and-rheumatology-service/traumatic-knee-injury',
  nhsKnee: 'NHS knee pain advice as summarised at lincolnshireknee.co.uk (same-day help triggers)',
  nhsGgc:
    'NHS GGC MSK physiotherapy: knee red flags https://www.nhsggc.org.uk/your-health/health-services/msk-physiotherapy/knees/',
  uhmb: 'UHMB NHS MSK self-help: most knee pain settles in 6-12 weeks',
  bmjTumour: 'BMJ Best Practice case history: bone tumour in adolescents; NICE NG12 (X-ray within 48 h)',
  peaceLove: 'Dubois B, Esculier JF. Br J Sports Med 2020;54:72-73 (PEACE & LOVE)',
  silbernagel2007: 'Silbernagel KG et al. Am J Sports Med 2007 (pain-monitoring model)',
  heiderscheit2011: 'Heiderscheit BC et al. Med Sci Sports Exerc 2011;43:296 (step rate and knee load)',
  lenhart2014: 'Lenhart RL et al. Med Sci Sports Exerc 2014;46:557 (step rate and patellofemoral force)',
  vanDerWorp2015: 'van der Worp MP et al. PLoS One 2015 (risk factors for running injuries)',
  gottschall2005:
    'Gottschall JS, Kram R. J Biomech 2005;38:445-452 (downhill running raises impact and braking)',
  robertz2022: 'Robertz L et al. ISBS 2022 (ITB strain rises with steeper descent)',
  niceCksKnee:
    'NICE Clinical Knowledge Summaries: Knee pain – assessment (red flags, same-day and emergency referral)',
  niceCksAcuteKnee:
    'NICE Clinical Knowledge Summaries: Knee injuries – acute (haemarthrosis, locked knee, extensor mechanism, same-day assessment)',
  pittsburgh:
    'Seaberg DC, Jackson R. Clinical decision rule for knee radiographs. Am J Emerg Med 1994;12:541-3 (Pittsburgh knee rule); Seaberg DC et al. Ann Emerg Med 1998;32:8-13',
  bsrHotJoint:
    'Coakley G et al. BSR & BHPR, BOA, RCGP and BSAC guidelines for management of the hot swollen joint in adults. Rheumatology 2006;45:1039-41',
  margaretten2007:
    'Margaretten ME et al. Does this adult patient have septic arthritis? JAMA 2007;297:1478-88 (risk factors: age >80, diabetes, rheumatoid arthritis, recent joint surgery)',
  janssens2010:
    'Janssens HJ et al. A diagnostic rule for acute gouty arthritis in primary care without joint fluid analysis. Arch Intern Med 2010;170:1120-6',
  exertionalLegPain:
    'Levien LJ. Popliteal artery entrapment syndrome. Semin Vasc Surg 2003;16:223-31; Tucker AK. Chronic exertional compartment syndrome of the leg. Curr Rev Musculoskelet Med 2010;3:32-7',
  ng51: 'NICE NG51 Suspected sepsis: recognition, diagnosis and early management (2016, updated 2024): higher risk with impaired immunity, recent surgery or invasive procedures, and in older age',
  cg124:
    'NICE CG124 Hip fracture: management (2011, updated 2023); NICE CKS: hip fracture suspected after a fall in an older person, send to hospital the same day by ambulance',
  ng158:
    'NICE NG158 Venous thromboembolic diseases: diagnosis, management and thrombophilia testing (2020): two-level DVT Wells score, scan within 4 hours',
  wells2003:
    'Wells PS et al. Evaluation of D-dimer in the diagnosis of suspected deep-vein thrombosis. N Engl J Med 2003;349:1227-35',
  boastScfe:
    'BOA/BSCOS BOAST: Slipped capital femoral epiphysis (the hip must be examined in a child with knee pain and a limp; an unstable slip is an emergency)',
  delucena2011:
    'de Lucena GL, dos Santos Gomes C, Guerra RO. Prevalence and associated factors of Osgood-Schlatter syndrome in a population-based sample of Brazilian adolescents. Am J Sports Med 2011;39(2):415-420',
  widhe2000:
    'Widhe B, Widhe T. Initial symptoms and clinical features in osteosarcoma and Ewing sarcoma. J Bone Joint Surg Am 2000;82(5):667-674 (pain often first put down to a sports injury)',
  ng12: 'NICE NG12 Suspected cancer: recognition and referral, sarcoma (very urgent X-ray within 48 hours for unexplained bone pain or swelling in children and young people)',
  iocReds2023:
    'Mountjoy M et al. 2023 IOC consensus statement on Relative Energy Deficiency in Sport (REDs). Br J Sports Med 2023;57:1073-97',
  warden2021:
    'Warden SJ, Edwards WB, Willy RW. Preventing bone stress injuries in runners with optimal workload. Curr Osteoporos Rep 2021;19:298-307',
  houghton1979:
    'Houghton GR, Ackroyd CE. Sleeve fractures of the patella in children. J Bone Joint Surg Br 1979;61:165-8',
  maffulli1993:
    'Maffulli N et al. Acute haemarthrosis of the knee in athletes: a prospective study of 106 cases. J Bone Joint Surg Br 1993;75:945-9',
  stefancin2007:
    'Stefancin JJ, Parker RD. First-time traumatic patellar dislocation: a systematic review. Clin Orthop Relat Res 2007;455:93-101',
  kocher2006:
    'Kocher MS, Tucker R, Ganley TJ, Flynn JM. Management of osteochondritis dissecans of the knee. Am J Sports Med 2006;34:1181-91',
  solomon2001:
    'Solomon DH et al. The rational clinical examination: does this patient have a torn meniscus or ligament of the knee? JAMA 2001;286:1610-20',
  jackson2003:
    "Jackson JL, O'Malley PG, Kroenke K. Evaluation of acute knee pain in primary care. Ann Intern Med 2003;139:575-88",
  esvs2020:
    'Björck M et al. European Society for Vascular Surgery 2020 clinical practice guidelines on the management of acute limb ischaemia. Eur J Vasc Endovasc Surg 2020;59:173-218',
  ilan2003:
    'Ilan DI, Tejwani N, Keschner M, Leibman M. Quadriceps tendon rupture. J Am Acad Orthop Surg 2003;11:192-200 (sudden buckling, often missed at first)',
  kocher1999:
    'Kocher MS, Zurakowski D, Kasser JR. Differentiating between septic arthritis and transient synovitis in children: an evidence-based clinical prediction algorithm. J Bone Joint Surg Am 1999;81:1662-70 (fever, non-weight-bearing)',
} as const;

export type SourceId = keyof typeof SOURCES;

export function cite(ids: Iterable<SourceId>): string[] {
  return [...new Set(ids)].map((id) => SOURCES[id]);
}
