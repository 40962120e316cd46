/**
 * Strava writes activities.csv's header in the account's language. This maps the translated names of the
 * columns we read back to the English ones, so an export from a French or Japanese account imports like an
 * English one.
 *
 * Sources: German from research/strava-garmin-export.md §1.3 and a public importer's column table; French
 * names seen in a public script reading a French export ("ID de l'activité", "Date de l'activité", "Type
 * d'activité", "Temps écoulé", "Durée de déplacement", "Dénivelé positif", "Fréquence cardiaque moyenne");
 * the other languages from Strava's own interface wording for the same fields. Names are compared after
 * normalisation (case, accents, punctuation and spacing), so small wording differences still match; a header
 * that matches nothing leaves the export's activity files to import on their own (see export-metadata.ts).
 */

type Language = 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'ja';

/** English column name → its names per language (several where Strava's wording changed over the years). */
const TRANSLATIONS: Readonly<Record<string, Partial<Record<Language, readonly string[]>>>> = {
  'Activity ID': {
    de: ['Aktivitäts-ID'],
    fr: ["ID de l'activité"],
    es: ['ID de actividad', 'ID de la actividad'],
    it: ['ID attività', "ID dell'attività"],
    pt: ['ID da atividade', 'ID da actividade'],
    nl: ['Activiteits-ID', 'Activiteit-ID'],
    ja: ['アクティビティID'],
  },
  'Activity Date': {
    de: ['Aktivitätsdatum'],
    fr: ["Date de l'activité"],
    es: ['Fecha de la actividad', 'Fecha de actividad'],
    it: ['Data attività', "Data dell'attività"],
    pt: ['Data da atividade', 'Data da actividade'],
    nl: ['Activiteitsdatum', 'Datum activiteit'],
    ja: ['アクティビティ日', 'アクティビティの日付'],
  },
  'Activity Name': {
    de: ['Name der Aktivität', 'Aktivitätsname'],
    fr: ["Nom de l'activité"],
    es: ['Nombre de la actividad', 'Nombre de actividad'],
    it: ['Nome attività', "Nome dell'attività"],
    pt: ['Nome da atividade', 'Nome da actividade'],
    nl: ['Naam activiteit', 'Activiteitsnaam'],
    ja: ['アクティビティ名'],
  },
  'Activity Type': {
    de: ['Aktivitätsart', 'Aktivitätstyp'],
    fr: ["Type d'activité"],
    es: ['Tipo de actividad'],
    it: ['Tipo di attività', 'Tipo attività'],
    pt: ['Tipo de atividade', 'Tipo de actividade'],
    nl: ['Activiteitstype', 'Type activiteit'],
    ja: ['アクティビティタイプ', 'アクティビティの種類'],
  },
  'Activity Description': {
    de: ['Aktivitätsbeschreibung', 'Beschreibung der Aktivität'],
    fr: ["Description de l'activité"],
    es: ['Descripción de la actividad'],
    it: ['Descrizione attività', "Descrizione dell'attività"],
    pt: ['Descrição da atividade', 'Descrição da actividade'],
    nl: ['Beschrijving activiteit', 'Activiteitsbeschrijving'],
    ja: ['アクティビティの説明'],
  },
  'Elapsed Time': {
    de: ['Verstrichene Zeit'],
    fr: ['Temps écoulé'],
    es: ['Tiempo transcurrido'],
    it: ['Tempo trascorso'],
    pt: ['Tempo decorrido'],
    nl: ['Verstreken tijd'],
    ja: ['経過時間'],
  },
  'Moving Time': {
    de: ['Bewegungszeit'],
    fr: ['Durée de déplacement', 'Temps de déplacement'],
    es: ['Tiempo en movimiento'],
    it: ['Tempo in movimento'],
    pt: ['Tempo em movimento'],
    nl: ['Beweegtijd', 'Tijd in beweging'],
    ja: ['移動時間'],
  },
  Distance: {
    de: ['Distanz', 'Entfernung'],
    es: ['Distancia'],
    it: ['Distanza'],
    pt: ['Distância'],
    nl: ['Afstand'],
    ja: ['距離'],
  },
  'Elevation Gain': {
    de: ['Höhenzunahme', 'Höhenmeter'],
    fr: ['Dénivelé positif'],
    es: ['Desnivel positivo', 'Ganancia de elevación'],
    it: ['Dislivello positivo'],
    pt: ['Ganho de elevação', 'Ganho de altitude'],
    nl: ['Hoogteverschil', 'Hoogtewinst'],
    ja: ['獲得標高'],
  },
  'Elevation Loss': {
    de: ['Höhenabnahme'],
    fr: ['Dénivelé négatif'],
    es: ['Desnivel negativo', 'Pérdida de elevación'],
    it: ['Dislivello negativo'],
    pt: ['Perda de elevação'],
    nl: ['Hoogteverlies'],
    ja: ['下降標高'],
  },
  'Average Heart Rate': {
    de: ['Durchschnittliche Herzfrequenz'],
    fr: ['Fréquence cardiaque moyenne'],
    es: ['Frecuencia cardíaca media', 'Frecuencia cardiaca media'],
    it: ['Frequenza cardiaca media'],
    pt: ['Frequência cardíaca média'],
    nl: ['Gemiddelde hartslag'],
    ja: ['平均心拍数'],
  },
  'Max Heart Rate': {
    de: ['Max. Herzfrequenz', 'Maximale Herzfrequenz'],
    fr: ['Fréquence cardiaque max.', 'Fréquence cardiaque maximale', 'Fréquence cardiaque max'],
    es: ['Frecuencia cardíaca máx.', 'Frecuencia cardíaca máxima', 'Frecuencia cardiaca máxima'],
    it: ['Frequenza cardiaca max', 'Frequenza cardiaca massima'],
    pt: ['Frequência cardíaca máx.', 'Frequência cardíaca máxima'],
    nl: ['Max. hartslag', 'Maximale hartslag'],
    ja: ['最大心拍数'],
  },
  'Average Cadence': {
    de: ['Durchschnittliche Trittfrequenz', 'Durchschnittliche Schrittfrequenz'],
    fr: ['Cadence moyenne'],
    es: ['Cadencia media'],
    it: ['Cadenza media'],
    pt: ['Cadência média'],
    nl: ['Gemiddelde cadans'],
    ja: ['平均ケイデンス'],
  },
  Calories: {
    de: ['Kalorien'],
    es: ['Calorías'],
    it: ['Calorie'],
    pt: ['Calorias'],
    nl: ['Calorieën'],
    ja: ['カロリー'],
  },
  'Activity Gear': {
    de: ['Aktivitätsausrüstung'],
    fr: ["Équipement de l'activité", "Matériel de l'activité"],
    es: ['Equipo de la actividad', 'Equipamiento de la actividad'],
    it: ["Attrezzatura dell'attività", 'Attrezzatura attività'],
    pt: ['Equipamento da atividade'],
    nl: ['Uitrusting activiteit', 'Activiteitsuitrusting'],
    ja: ['アクティビティのギア', 'アクティビティギア'],
  },
  Filename: {
    de: ['Dateiname'],
    fr: ['Nom du fichier', 'Nom de fichier'],
    es: ['Nombre del archivo', 'Nombre de archivo'],
    it: ['Nome file', 'Nome del file'],
    pt: ['Nome do arquivo', 'Nome do ficheiro'],
    nl: ['Bestandsnaam'],
    ja: ['ファイル名'],
  },
};

/** Case, accents, punctuation and spacing removed; Japanese and other scripts kept as they are. */
export function normalizeHeaderName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’`.\-_:()]/g, '');
}

const BY_NORMALIZED = new Map<string, { english: string; language: Language }>();
for (const [english, byLanguage] of Object.entries(TRANSLATIONS)) {
  for (const [language, names] of Object.entries(byLanguage) as [Language, readonly string[]][]) {
    for (const name of names) BY_NORMALIZED.set(normalizeHeaderName(name), { english, language });
  }
}

/**
 * The header with every translated name we know replaced by its English name, and the language the most
 * translated names came from (null when none was translated: an English header).
 */
export function translateStravaHeader(header: readonly string[]): {
  names: string[];
  language: Language | null;
} {
  const votes = new Map<Language, number>();
  const names = header.map((raw) => {
    const name = raw.trim();
    const found = BY_NORMALIZED.get(normalizeHeaderName(name));
    if (!found) return name;
    votes.set(found.language, (votes.get(found.language) ?? 0) + 1);
    return found.english;
  });
  let language: Language | null = null;
  for (const [lang, n] of votes) if (language === null || n > (votes.get(language) ?? 0)) language = lang;
  return { names, language };
}
