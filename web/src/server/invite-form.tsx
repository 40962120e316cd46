/**
 * Inviting someone by link (POST /api/orgs/:orgId/invitations, with the password entered in the last 10
 * minutes): an e-mail and what they join as — a member with a role, or an athlete, whose data stays theirs
 * until they accept the organisation's request. The link is shown once, here, to hand over privately: the
 * server keeps only its hash.
 */
import { useRef, useState } from 'preact/hooks';
import { accountApi } from '../api.ts';
import { ErrorMessage } from '../components/status-messages.tsx';
import { whenWords } from './grant-words.ts';
import { ROLE_NAMES, ROLE_REACH, ROLES } from './org-words.ts';
import type { MemberRole } from './server-types.ts';

type JoinsAs = MemberRole | 'athlete';

const ATHLETE_WORDS = 'their own data, shared with the organisation only once they accept its request';

export function InviteForm(props: { orgId: string; onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [joinsAs, setJoinsAs] = useState<JoinsAs>('clinician');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [link, setLink] = useState<{ url: string; email: string; expiresAt: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const linkField = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const body =
        joinsAs === 'athlete'
          ? { purpose: 'athlete', email: email.trim() }
          : { purpose: 'member', email: email.trim(), role: joinsAs };
      const made = await accountApi<{ url: string; expiresAt: string }>(
        `/orgs/${encodeURIComponent(props.orgId)}/invitations`,
        { body },
      );
      setLink({ ...made, email: email.trim() });
      setEmail('');
      props.onInvited();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      // No clipboard (plain http, or refused): select the text so the person can copy it themselves.
      linkField.current?.select();
    }
  };

  return (
    <form class="card invite-form" onSubmit={(e) => void submit(e)}>
      <label for="invite-email">E-mail</label>
      <input
        id="invite-email"
        class="field"
        type="email"
        required
        autoComplete="off"
        value={email}
        placeholder="physio@clinic.example"
        onInput={(e) => setEmail(e.currentTarget.value)}
      />
      <label for="invite-role">Joins as</label>
      <select
        id="invite-role"
        class="field"
        value={joinsAs}
        onChange={(e) => setJoinsAs(e.currentTarget.value as JoinsAs)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_NAMES[r]}
          </option>
        ))}
        <option value="athlete">Athlete</option>
      </select>
      <p class="muted">Sees {joinsAs === 'athlete' ? ATHLETE_WORDS : ROLE_REACH[joinsAs]}.</p>
      {error && <ErrorMessage error={error} />}
      <p>
        <button type="submit" disabled={busy}>
          Make an invitation link
        </button>
      </p>
      {link && (
        <div class="alert alert-ok invite-link" role="status">
          <p>
            Send this link to <strong>{link.email}</strong> yourself, privately. It works once, until{' '}
            {whenWords(link.expiresAt)}, and is shown only now.
          </p>
          <div class="row">
            <input
              ref={linkField}
              class="link-field"
              readOnly
              aria-label="Invitation link"
              value={link.url}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" class="secondary" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
