/**
 * Add a pair: name (required), brand, model, the distance already on them in the runner's units, and whether
 * new runs go to them by default. Errors appear by their field, are tied to it with aria-describedby, and the
 * first wrong field takes focus.
 */
import { useRef, useState } from 'preact/hooks';
import { unitsToMetres } from '../../../src/domain/units.ts';
import { useUnits } from '../settings-context.tsx';
import type { NewShoeBody, ShoeView } from '../types/shoes.ts';
import { addShoe, fieldOfError, messageOf, type ShoeField } from './shoe-actions.ts';

const MAX_NAME = 80;
const MAX_DISTANCE = 100_000;

type Errors = Partial<Record<ShoeField | 'form', string>>;

interface Draft {
  name: string;
  brand: string;
  model: string;
  startDistance: string;
  defaultForRun: boolean;
}

const EMPTY: Draft = { name: '', brand: '', model: '', startDistance: '', defaultForRun: false };

function validate(draft: Draft, unitLabel: string): Errors {
  const errors: Errors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Give the shoes a name, for example "Blue Pegasus".';
  else if (name.length > MAX_NAME) errors.name = `Keep the name to ${MAX_NAME} characters or fewer.`;
  if (draft.brand.trim().length > MAX_NAME)
    errors.brand = `Keep the brand to ${MAX_NAME} characters or fewer.`;
  if (draft.model.trim().length > MAX_NAME)
    errors.model = `Keep the model to ${MAX_NAME} characters or fewer.`;
  const distance = draft.startDistance.trim();
  if (distance !== '') {
    const n = Number(distance.replace(',', '.'));
    if (!Number.isFinite(n) || n < 0 || n > MAX_DISTANCE) {
      errors.startDistance = `Enter a distance in ${unitLabel} from 0 to ${MAX_DISTANCE.toLocaleString('en')}, or leave it empty.`;
    }
  }
  return errors;
}

export function ShoeAddForm(props: { onAdded: (shoe: ShoeView) => void }) {
  const units = useUnits();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const set = (key: keyof Draft) => (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const value = input.type === 'checkbox' ? input.checked : input.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const focusFirstError = (found: Errors) => {
    const first = (['name', 'brand', 'model', 'startDistance'] as const).find((f) => found[f]);
    if (first) form.current?.querySelector<HTMLElement>(`#shoe-${first}`)?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validate(draft, units.label);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(found);
      return;
    }
    const body: NewShoeBody = { name: draft.name.trim() };
    if (draft.brand.trim() !== '') body.brand = draft.brand.trim();
    if (draft.model.trim() !== '') body.model = draft.model.trim();
    if (draft.startDistance.trim() !== '') {
      body.startDistanceM = Math.round(
        unitsToMetres(Number(draft.startDistance.replace(',', '.')), units.units),
      );
    }
    if (draft.defaultForRun) body.defaultFor = ['run'];
    setBusy(true);
    try {
      const { shoe } = await addShoe(body);
      setDraft(EMPTY);
      setErrors({});
      props.onAdded(shoe);
    } catch (error) {
      const field = fieldOfError(error);
      const next: Errors = field ? { [field]: messageOf(error) } : { form: messageOf(error) };
      setErrors(next);
      focusFirstError(next);
    } finally {
      setBusy(false);
    }
  };

  const describedBy = (field: ShoeField, hint?: string) =>
    [hint, errors[field] ? `shoe-${field}-error` : null].filter(Boolean).join(' ') || undefined;

  const fieldError = (field: ShoeField) =>
    errors[field] ? (
      <p id={`shoe-${field}-error`} class="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form class="card shoe-add" ref={form} onSubmit={submit} noValidate aria-labelledby="shoe-add-title">
      <h2 id="shoe-add-title">Add a pair</h2>
      <div class="shoe-add-grid">
        <div>
          <label for="shoe-name">
            Name <span class="field-hint">(required)</span>
          </label>
          <input
            id="shoe-name"
            name="name"
            autocomplete="off"
            required
            maxLength={MAX_NAME + 20}
            value={draft.name}
            onInput={set('name')}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('name')}
          />
          {fieldError('name')}
        </div>
        <div>
          <label for="shoe-brand">Brand</label>
          <input
            id="shoe-brand"
            name="brand"
            value={draft.brand}
            onInput={set('brand')}
            aria-invalid={errors.brand ? true : undefined}
            aria-describedby={describedBy('brand')}
          />
          {fieldError('brand')}
        </div>
        <div>
          <label for="shoe-model">Model</label>
          <input
            id="shoe-model"
            name="model"
            value={draft.model}
            onInput={set('model')}
            aria-invalid={errors.model ? true : undefined}
            aria-describedby={describedBy('model')}
          />
          {fieldError('model')}
        </div>
        <div>
          <label for="shoe-startDistance">Distance already on them ({units.label})</label>
          <input
            id="shoe-startDistance"
            name="startDistance"
            inputMode="decimal"
            placeholder="0"
            value={draft.startDistance}
            onInput={set('startDistance')}
            aria-invalid={errors.startDistance ? true : undefined}
            aria-describedby={describedBy('startDistance', 'shoe-startDistance-hint')}
          />
          <p id="shoe-startDistance-hint" class="field-hint">
            For a pair you ran in before your history starts here.
          </p>
          {fieldError('startDistance')}
        </div>
      </div>
      <div class="shoe-add-check">
        <input
          id="shoe-default"
          type="checkbox"
          checked={draft.defaultForRun}
          onChange={set('defaultForRun')}
        />
        <label for="shoe-default">Use them for new runs by default</label>
      </div>
      {errors.form && (
        <p class="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add shoes'}
      </button>
    </form>
  );
}
