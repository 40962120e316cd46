/**
 * Settings: units, week start, the optional values behind heart-rate load, the home time zone and the shoe
 * reminder distances (typed in the runner's units, stored in metres); then the runner's data. A saved change
 * refreshes the overview so every screen switches to the new units at once.
 */
import { useMemo, useState } from 'preact/hooks';
import { SHOE_EVIDENCE } from '../../../src/domain/shoes/shoe-thresholds.ts';
import { ApiError, api, useApi } from '../api.ts';
import { EvidenceLabel, Screen } from '../components/screen.tsx';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { useAppState, useUnits } from '../settings-context.tsx';
import type { RunnerSettings } from '../types/settings.ts';
import { SettingsData } from './settings-data.tsx';
import { SettingField } from './settings-field.tsx';
import {
  changeOf,
  type FieldErrors,
  type FieldName,
  formOf,
  type SettingsForm,
  serverErrors,
  withUnits,
} from './settings-form.ts';
import './settings.css';

function computerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function SettingsEditor(props: { loaded: RunnerSettings }) {
  const { refresh } = useAppState();
  const units = useUnits();
  const [saved, setSaved] = useState<SettingsForm>(() => formOf(props.loaded));
  const [form, setForm] = useState<SettingsForm>(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<Error | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  const set = (name: FieldName) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setForm((f) => (name === 'units' ? withUnits(f, value as 'km' | 'mi') : { ...f, [name]: value }));
    setStatus('');
  };

  const focusFirst = (found: FieldErrors) => {
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`setting-${first}`)?.focus();
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setGeneral(null);
    const { change, errors: local } = changeOf(form, saved);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setStatus('');
      focusFirst(local);
      return;
    }
    if (Object.keys(change).length === 0) {
      setStatus('Nothing to save: these are already your settings.');
      return;
    }
    setBusy(true);
    try {
      const next = await api<RunnerSettings>('/settings', { method: 'PUT', body: change });
      const nextForm = formOf(next);
      setSaved(nextForm);
      setForm(nextForm);
      setStatus(
        change.units
          ? `Saved. Distances now show in ${change.units === 'km' ? 'kilometres' : 'miles'}.`
          : 'Saved.',
      );
      refresh();
    } catch (caught) {
      setStatus('');
      if (caught instanceof ApiError && caught.status === 400) {
        const found = serverErrors(caught.message, caught.details, (m) => units.distance(m));
        setErrors(found.fields);
        if (found.general) setGeneral(caught);
        focusFirst(found.fields);
      } else {
        setGeneral(caught instanceof Error ? caught : new Error(String(caught)));
      }
    } finally {
      setBusy(false);
    }
  };

  const unitsLabel = form.units;

  return (
    <form class="settings-form" onSubmit={save} noValidate>
      <fieldset>
        <legend>Display</legend>
        <fieldset class="radio-group" aria-describedby="setting-units-hint">
          <legend>Distance units</legend>
          <p class="field-hint" id="setting-units-hint">
            Every distance in kneewise shows in these units.
          </p>
          <div class="row">
            {(['km', 'mi'] as const).map((u) => (
              <label class="radio" key={u}>
                <input
                  type="radio"
                  name="units"
                  value={u}
                  checked={form.units === u}
                  onChange={set('units')}
                />
                {u === 'km' ? 'Kilometres (km)' : 'Miles (mi)'}
              </label>
            ))}
          </div>
        </fieldset>
        <SettingField
          name="weekStart"
          label="Week starts on"
          hint="Weekly totals and plans count from this day."
          error={errors.weekStart}
        >
          {(w) => (
            <select {...w} value={form.weekStart} onChange={set('weekStart')}>
              <option value="monday">Monday</option>
              <option value="sunday">Sunday</option>
            </select>
          )}
        </SettingField>
      </fieldset>

      <fieldset>
        <legend>About you</legend>
        <p class="field-hint">
          All optional. They refine the training load worked out from heart rate; nothing else uses them.
        </p>
        <div class="field-grid">
          <SettingField name="sex" label="Sex" hint="Picks the heart-rate load constants." error={errors.sex}>
            {(w) => (
              <select {...w} value={form.sex} onChange={set('sex')}>
                <option value="">Not set</option>
                <option value="female">Female</option>
                <option value="male">Male</option>
                <option value="other">Other</option>
              </select>
            )}
          </SettingField>
          <SettingField name="birthYear" label="Birth year" hint="For example 1988." error={errors.birthYear}>
            {(w) => (
              <input
                {...w}
                inputMode="numeric"
                autocomplete="bday-year"
                value={form.birthYear}
                onInput={set('birthYear')}
              />
            )}
          </SettingField>
          <SettingField
            name="restingHr"
            label="Resting heart rate"
            hint="Beats per minute, measured lying down after waking."
            error={errors.restingHr}
          >
            {(w) => <input {...w} inputMode="numeric" value={form.restingHr} onInput={set('restingHr')} />}
          </SettingField>
          <SettingField
            name="maxHr"
            label="Maximum heart rate"
            hint="Beats per minute; the highest you have seen in a hard effort."
            error={errors.maxHr}
          >
            {(w) => <input {...w} inputMode="numeric" value={form.maxHr} onInput={set('maxHr')} />}
          </SettingField>
        </div>
      </fieldset>

      <fieldset>
        <legend>Home time zone</legend>
        <SettingField
          name="timeZone"
          label="Time zone"
          hint={`Used for activities whose files carry no time zone, to put them on the right day. Leave empty to use this computer's zone (${computerZone()}).`}
          error={errors.timeZone}
        >
          {(w) => (
            <input
              {...w}
              list="time-zones"
              autocomplete="off"
              placeholder={computerZone()}
              value={form.timeZone}
              onInput={set('timeZone')}
            />
          )}
        </SettingField>
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </fieldset>

      <fieldset>
        <legend>Shoe reminders</legend>
        <div class="field-grid">
          <SettingField
            name="shoeNudgeM"
            label={`First reminder (${unitsLabel})`}
            hint="A gentle note that a pair is getting on."
            error={errors.shoeNudgeM}
          >
            {(w) => <input {...w} inputMode="decimal" value={form.shoeNudgeM} onInput={set('shoeNudgeM')} />}
          </SettingField>
          <SettingField
            name="shoeCheckM"
            label={`"Check them" reminder (${unitsLabel})`}
            hint="Time to look at the midsole and outsole. Not below the first reminder."
            error={errors.shoeCheckM}
          >
            {(w) => <input {...w} inputMode="decimal" value={form.shoeCheckM} onInput={set('shoeCheckM')} />}
          </SettingField>
        </div>
        <EvidenceLabel level="Convention, not a trial result" source={SHOE_EVIDENCE.source}>
          {SHOE_EVIDENCE.text}
        </EvidenceLabel>
      </fieldset>

      <div class="row settings-save">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
        <p class="save-status" role="status" aria-live="polite" data-testid="save-status">
          {status}
        </p>
      </div>
      {general && <ErrorMessage error={general} />}
    </form>
  );
}

export function SettingsScreen() {
  const settings = useApi<RunnerSettings>('/settings');
  return (
    <Screen title="Settings" intro="How kneewise shows your numbers, and everything about your data.">
      {settings.error && <ErrorMessage error={settings.error} retry={settings.reload} />}
      {!settings.data && !settings.error && <Loading what="your settings" />}
      {settings.data && <SettingsEditor loaded={settings.data} />}
      <SettingsData />
    </Screen>
  );
}
