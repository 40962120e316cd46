/**
 * Citations as people outside the project read them. The knowledge base keeps notes for us beside each
 * source ("— research/clinical.md §5.8", "(rotation, to verify)"); those mean nothing to a runner or a
 * clinician, so every display goes through `readableSource`, and the clinician report's reference list
 * through `clinicianSources` (one entry per paper, only guidelines and published studies).
 */

/** Our own notes: file paths with section marks, and reminders to check a reference. */
const RESEARCH_PATH =
  /\s*(?:[—;,]\s*)?(?:\.\.\/shared\/)?research\/[\w./-]+(?:\s*§[\d.–-]+)?(?:\s*\([^)]*\))?/gu;
const LOOSE_PATH = /\s*[,;]?\s*\b(?:clinical|training-load|strava-garmin-export)\.md(?:\s*§[\d.–-]+)?/gu;
const SECTION_MARK = /\s*§[\d.–-]+/gu;

export function readableSource(source: string): string {
  return (
    source
      .replace(RESEARCH_PATH, '')
      .replace(LOOSE_PATH, '')
      .replace(SECTION_MARK, '')
      // Document numbers of a health board's intranet ("PROD_354611").
      .replace(/,?\s*PROD_\d+/gu, '')
      .replace(/\s*\(([^()]*?),?\s*to verify\)/gu, (_m, inner: string) =>
        inner.trim() === '' ? '' : ` (${inner.trim()})`,
      )
      .replace(/,?\s*to verify\b/gu, '')
      .replace(/\(\s*\)/gu, '')
      .replace(/\s*—\s*$/u, '')
      .replace(/[\s;,—]+$/u, '')
      .replace(/\s{2,}/gu, ' ')
      .trim()
  );
}

/**
 * Sources a clinician would not accept as a reference: our reminders to verify, coaching habits, web
 * summaries and self-help leaflets. They may inform plain advice, but not the reference list.
 */
const NOT_A_REFERENCE = [
  /to verify/iu,
  /coaching convention/iu,
  /summari[sz]ed at/iu,
  /self-help/iu,
  /\.co\.uk\b|\.com\b/iu,
  /^no trial\b/iu,
];

/** A citation starts with an author ("Frandsen", "van der Worp") or a body ("NICE", "NHS", "US Army"). */
function splitCitations(source: string): string[] {
  const parts: string[] = [];
  for (const piece of source.split(/;\s+(?=[A-Z]|van |de |von )/u)) {
    const part = piece.trim();
    if (part === '') continue;
    // "2025;59:1203" never reaches here (no space after the semicolon), so each piece is one reference or
    // a note about the previous one ("no trial shows …"), which stays with it.
    const previous = parts[parts.length - 1];
    if (previous !== undefined && /^[a-z]/u.test(part)) parts[parts.length - 1] = `${previous}; ${part}`;
    else parts.push(part);
  }
  return parts;
}

/** The same paper cited in two styles ("Frandsen et al., BJSM 2025", "Frandsen JSB et al. Br J Sports Med 2025;59:1203") shares a first author and a year. */
function paperKey(citation: string): string {
  const author = /^(?:(?:van der|van|de|von)\s+)?[\p{L}'-]+/iu.exec(citation)?.[0].toLowerCase() ?? citation;
  const year = /\b(19|20)\d{2}\b/u.exec(citation)?.[0] ?? '';
  return year === '' ? citation.toLowerCase() : `${author} ${year}`;
}

/** How complete a citation is: a volume and page beat a journal abbreviation alone. */
function completeness(citation: string): number {
  return (/\d{4};\s?\d+/u.test(citation) ? 100 : 0) + (/[A-Z]{2,}|J |Med|Sci/u.test(citation) ? 10 : 0);
}

export function isClinicianReference(citation: string): boolean {
  return !NOT_A_REFERENCE.some((re) => re.test(citation));
}

/** One entry per paper, in first-cited order, each in its most complete form; only accepted references. */
export function clinicianSources(sources: readonly string[]): string[] {
  const best = new Map<string, string>();
  for (const source of sources) {
    for (const raw of splitCitations(source)) {
      if (!isClinicianReference(raw)) continue;
      const citation = readableSource(raw);
      // A reference names a year (a paper) or is a guideline; a bare topic note is neither.
      if (citation === '' || !/\b(19|20)\d{2}\b|NICE|guideline|guidance|ncbi\.nlm\.nih\.gov/iu.test(citation))
        continue;
      const key = paperKey(citation);
      const known = best.get(key);
      if (known === undefined || completeness(citation) > completeness(known)) best.set(key, citation);
    }
  }
  return [...best.values()];
}
