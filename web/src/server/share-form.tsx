/**
 * Sharing with an organisation or a person: one the athlete already knows here (one that asked before, or one
 * they shared with), or an organisation found by part of its name (org-finder.tsx). Then which categories,
 * read or also add, why, and until when (POST /api/consents, active at once; it needs the password entered in
 * the last 10 minutes, which the prompt asks for).
 */
import { useState } from 'preact/hooks';
import { accountApi } from '../api.ts';
import { ErrorMessage } from '../components/status-messages.tsx';
import type { DataCategory } from '../settings-context.tsx';
import { CATEGORY_WORDS, knownGrantees } from './grant-words.ts';
import { OrgFinder } from './org-finder.tsx';
import type { Grant, OrgMatch } from './server-types.ts';

const CATEGORIES = Object.keys(CATEGORY_WORDS) as DataCategory[];

type Grantee = ReturnType<typeof knownGrantees>[number];

function foundGrantee(org: OrgMatch): Grantee {
  return { key: `org:${org.orgId}`, name: org.orgName, grantee: { kind: 'org', orgId: org.orgId } };
}

export function ShareForm(props: { athleteId: string; grants: readonly Grant[]; onShared: () => void }) {
  const [found, setFound] = useState<Grantee[]>([]);
  const known = knownGrantees(props.grants);
  const grantees = [...known, ...found.filter((f) => !known.some((k) => k.key === f.key))];
  const [who, setWho] = useState(grantees[0]?.key ?? '');
  const [categories, setCategories] = useState<DataCategory[]>(['training']);
  const [access, setAccess] = useState<'read' | 'write'>('read');
  const [purpose, setPurpose] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const target = grantees.find((g) => g.key === who) ?? grantees[0];

  const pick = (org: OrgMatch) => {
    const grantee = foundGrantee(org);
    setFound((now) => [...now.filter((f) => f.key !== grantee.key), grantee]);
    setWho(grantee.key);
  };
  const toggle = (category: DataCategory, on: boolean) =>
    setCategories((now) => (on ? [...now, category] : now.filter((c) => c !== category)));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      await accountApi('/consents', {
        body: {
          athleteId: props.athleteId,
          grantee:
            target.grantee.kind === 'org'
              ? { orgId: target.grantee.orgId }
              : { userId: target.grantee.userId },
          categories: CATEGORIES.filter((c) => categories.includes(c)),
          access,
          purpose: purpose.trim(),
          ...(until ? { expiresAt: new Date(`${until}T23:59:59`).toISOString() } : {}),
        },
      });
      setPurpose('');
      props.onShared();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card share-form" onSubmit={(e) => void submit(e)}>
      {grantees.length > 0 ? (
        <>
          <label for="share-who">Share with</label>
          <select id="share-who" value={target?.key ?? ''} onChange={(e) => setWho(e.currentTarget.value)}>
            {grantees.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name}
              </option>
            ))}
          </select>
        </>
      ) : (
        <p class="muted">
          Nobody has asked to see your data here yet: find the organisation you want to share with.
        </p>
      )}
      <OrgFinder
        label={grantees.length > 0 ? 'Or find an organisation by name' : 'Find an organisation by name'}
        onPick={pick}
      />
      <fieldset>
        <legend>What</legend>
        {CATEGORIES.map((c) => (
          <label key={c} class="check">
            <input
              type="checkbox"
              checked={categories.includes(c)}
              onChange={(e) => toggle(c, e.currentTarget.checked)}
            />{' '}
            {CATEGORY_WORDS[c]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>They may</legend>
        <label class="check">
          <input
            type="radio"
            name="share-access"
            checked={access === 'read'}
            onChange={() => setAccess('read')}
          />{' '}
          read only
        </label>
        <label class="check">
          <input
            type="radio"
            name="share-access"
            checked={access === 'write'}
            onChange={() => setAccess('write')}
          />{' '}
          read and add (e.g. a journal entry or a shoe)
        </label>
      </fieldset>
      <label for="share-purpose">Why (they and you see this)</label>
      <input
        id="share-purpose"
        required
        maxLength={500}
        value={purpose}
        placeholder="e.g. physiotherapy for my left knee"
        onInput={(e) => setPurpose(e.currentTarget.value)}
      />
      <label for="share-until">Until (optional)</label>
      <input id="share-until" type="date" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
      {error && <ErrorMessage error={error} />}
      <p>
        <button type="submit" disabled={busy || categories.length === 0 || !target}>
          Share
        </button>
      </p>
    </form>
  );
}
