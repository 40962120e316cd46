/**
 * Server mode's pages, by the address's path (each athlete's screens keep the single runner's hash routes,
 * `#/today`, so every link inside them works unchanged): `/` the roster (or the athlete's own screens),
 * `/athletes/<id>/` one athlete's screens, `/sharing` the athlete's consent, `/organisation` an owner's members,
 * invitations and audit log, `/join` and `/reset-password`
 * the links `kneewise admin` and the owners hand out (the token in the fragment, never sent to the server).
 */
export type ServerPage =
  | { kind: 'home' }
  | { kind: 'athlete'; athleteId: string }
  | { kind: 'sharing' }
  | { kind: 'organisation' }
  | { kind: 'join' }
  | { kind: 'reset-password' };

/** The page a path names; anything unknown is home. */
export function serverPageOf(pathname: string): ServerPage {
  const parts = pathname.split('/').filter((p) => p !== '');
  const [first, second] = parts;
  if (first === 'athletes' && second) {
    try {
      return { kind: 'athlete', athleteId: decodeURIComponent(second) };
    } catch {
      return { kind: 'home' };
    }
  }
  if (
    parts.length === 1 &&
    (first === 'sharing' || first === 'organisation' || first === 'join' || first === 'reset-password')
  ) {
    return { kind: first };
  }
  return { kind: 'home' };
}

/** The address of one athlete's screen: `/athletes/<id>/#/today`. */
export function athleteHref(athleteId: string, screen = 'today'): string {
  return `/athletes/${encodeURIComponent(athleteId)}/#/${screen}`;
}

/** `#token=…` of a join or reset link; null when the fragment holds none. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length > 0 ? token : null;
}

/** True when the server marked the page (src/server-mode/http/server-page.ts). */
export function isServerModePage(doc: Pick<Document, 'querySelector'>): boolean {
  return doc.querySelector('meta[name="kneewise-mode"]')?.getAttribute('content') === 'server';
}

/** "in 40 seconds", "in 12 minutes": when a throttled sign-in may be tried again. */
export function retryWords(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return 'in a moment';
  if (seconds < 60) return `in ${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
