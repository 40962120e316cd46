/**
 * Finding an organisation to share with by part of its name (GET /api/orgs/lookup): from three letters on,
 * a short pause after typing, the matches as buttons to pick one. The server sends names and ids only, and
 * limits how many lookups one person makes in a while; that refusal is said in words.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, accountApi } from '../api.ts';
import { ErrorMessage } from '../components/status-messages.tsx';
import { retryWords } from './server-page.ts';
import type { OrgMatch } from './server-types.ts';

export const LOOKUP_MIN_CHARS = 3;
/** The server's most; a full list means there may be more. */
const LOOKUP_MAX_RESULTS = 10;
const TYPING_PAUSE_MS = 400;

function lookupText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

export function OrgFinder(props: { onPick: (org: OrgMatch) => void; label: string }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ name: string; matches: OrgMatch[] } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const name = lookupText(text);

  useEffect(() => {
    setError(null);
    if (name.length < LOOKUP_MIN_CHARS) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      accountApi<{ organisations: OrgMatch[] }>(`/orgs/lookup?name=${encodeURIComponent(name)}`).then(
        (answer) => live && setFound({ name, matches: answer.organisations }),
        (e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [name]);

  const pick = (org: OrgMatch) => {
    props.onPick(org);
    setText('');
    setFound(null);
  };
  const throttled = error instanceof ApiError && error.code === 'LOOKUP_THROTTLED';
  const matches = found && found.name === name ? found.matches : null;

  return (
    <div class="org-finder">
      <label for="share-find">{props.label}</label>
      <input
        id="share-find"
        class="field"
        type="search"
        autoComplete="off"
        value={text}
        aria-describedby="share-find-hint"
        onInput={(e) => setText(e.currentTarget.value)}
        // Enter here looks up; it must not send the sharing form this sits in.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
      />
      <p id="share-find-hint" class="muted">
        Type at least {LOOKUP_MIN_CHARS} letters of its name, then choose it from the list.
      </p>
      <div role="status" aria-live="polite">
        {matches !== null &&
          (matches.length === 0 ? (
            <p class="muted">No organisation here has “{name}” in its name.</p>
          ) : (
            <p class="muted">
              {matches.length === LOOKUP_MAX_RESULTS
                ? `The first ${matches.length} matches: type more of the name to find fewer.`
                : `${matches.length} ${matches.length === 1 ? 'match' : 'matches'}:`}
            </p>
          ))}
      </div>
      {matches !== null && matches.length > 0 && (
        <ul class="org-matches" aria-label="Organisations found">
          {matches.map((m) => (
            <li key={m.orgId}>
              <button type="button" class="secondary" onClick={() => pick(m)}>
                {m.orgName}
              </button>
            </li>
          ))}
        </ul>
      )}
      {throttled ? (
        <p class="error" role="alert">
          You have looked up many names in a short time. Try again{' '}
          {retryWords(Number((error as ApiError).details.retryAfterSeconds ?? 60))}.
        </p>
      ) : (
        error && <ErrorMessage error={error} />
      )}
    </div>
  );
}
