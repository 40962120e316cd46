/** How a consent grant reads on the athlete's Sharing page. */
import type { DataCategory } from '../settings-context.tsx';
import type { Grant } from './server-types.ts';

export const CATEGORY_WORDS: Record<DataCategory, string> = {
  training: 'training (runs, load)',
  symptoms: 'symptoms (journal, knee checks)',
  clinical: 'clinical (reports, programmes)',
  gear: 'gear (shoes)',
};

export function granteeWords(grant: Pick<Grant, 'grantee' | 'granteeName'>): string {
  if (grant.granteeName) return grant.granteeName;
  return grant.grantee.kind === 'org' ? 'an organisation that no longer exists' : 'a person no longer here';
}

/** "training (runs, load) and gear (shoes), read only" */
export function termsWords(grant: Pick<Grant, 'categories' | 'access'>): string {
  const names = grant.categories.map((c) => CATEGORY_WORDS[c]);
  const list = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${list}, ${grant.access === 'write' ? 'read and add to' : 'read only'}`;
}

/** A date and time in the reader's own words: "7 Dec 2026, 11:04". */
export function whenWords(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The grantees the athlete has dealt with (asked by, or shared with): whom they can share with again. */
export function knownGrantees(
  grants: readonly Grant[],
): Array<{ key: string; name: string; grantee: Grant['grantee'] }> {
  const seen = new Map<string, { key: string; name: string; grantee: Grant['grantee'] }>();
  for (const g of grants) {
    const key = g.grantee.kind === 'org' ? `org:${g.grantee.orgId}` : `user:${g.grantee.userId}`;
    if (!seen.has(key) && g.granteeName) seen.set(key, { key, name: g.granteeName, grantee: g.grantee });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}
