/**
 * One labelled setting: the label, a hint under it, the server's or our own message when the value was
 * refused, and the ids that tie them to the input for screen readers.
 */
import type { ComponentChildren } from 'preact';

export interface FieldWiring {
  id: string;
  'aria-describedby': string;
  'aria-invalid': 'true' | undefined;
}

export function SettingField(props: {
  name: string;
  label: string;
  hint: ComponentChildren;
  error: string | undefined;
  children: (wiring: FieldWiring) => ComponentChildren;
}) {
  const id = `setting-${props.name}`;
  const describedBy = props.error ? `${id}-error ${id}-hint` : `${id}-hint`;
  return (
    <div class="setting-field">
      <label for={id}>{props.label}</label>
      <p class="field-hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {props.children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': props.error ? 'true' : undefined,
      })}
      {props.error && (
        <p class="field-error" id={`${id}-error`} data-testid={`error-${props.name}`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
