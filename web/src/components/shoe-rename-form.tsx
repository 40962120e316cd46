/** Renaming a pair in place: the field takes focus, Escape or Cancel leaves it, an empty name is refused. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShoeView } from '../types/shoes.ts';

export function ShoeRenameForm(props: {
  shoe: ShoeView;
  onSave: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(props.shoe.name);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = `rename-${props.shoe.id}`;
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      class="shoe-rename"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (trimmed === '' || trimmed.length > 80) {
          setError('Give the shoes a name of 1 to 80 characters.');
          input.current?.focus();
          return;
        }
        setError(null);
        void props.onSave(trimmed);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
    >
      <label for={id}>New name for {props.shoe.name}</label>
      <div class="row">
        <input
          id={id}
          ref={input}
          value={name}
          onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit">Save name</button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
