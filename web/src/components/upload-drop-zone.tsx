/**
 * Where files go in: drag and drop onto the zone, or the "Choose files" / "Choose a folder" buttons (keyboard
 * and screen-reader users never need to drag). The file inputs stay in the page, visually hidden, and the
 * buttons open them.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { type ChosenFile, chosenFromInput } from './upload-client.ts';
import { filesFromDrop } from './upload-dropped.ts';

const ACCEPT = '.zip,.fit,.gpx,.tcx,.gz';

export function UploadDropZone(props: { onFiles: (files: ChosenFile[]) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const id = useId();

  // `webkitdirectory` is not in Preact's attribute types; every current browser supports the property.
  useEffect(() => {
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);

  const fromInput = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    if (input.files && input.files.length > 0) props.onFiles(chosenFromInput(input.files));
    input.value = ''; // choosing the same file again must fire change again
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (props.disabled || !event.dataTransfer) return;
    setDropError(null);
    filesFromDrop(event.dataTransfer).then(props.onFiles, (error: unknown) =>
      setDropError(
        `Could not read what was dropped: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  };

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = props.disabled ? 'none' : 'copy';
    setOver(true);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target is a pointer convenience; the buttons inside do the same by keyboard
    <div
      class={`drop-zone${over ? ' drop-zone-over' : ''}`}
      data-testid="drop-zone"
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p class="drop-zone-title">
        <span aria-hidden="true">⇩ </span>Drop your export ZIP or activity files here
      </p>
      <p class="muted">Strava or Garmin export (.zip), or .fit, .gpx, .tcx files, also gzipped (.gz)</p>
      <div class="row drop-zone-buttons">
        <button type="button" onClick={() => filesInput.current?.click()} disabled={props.disabled}>
          Choose files
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => folderInput.current?.click()}
          disabled={props.disabled}
        >
          Choose a folder
        </button>
      </div>
      <label class="visually-hidden" for={`${id}-files`}>
        Export ZIP or activity files
      </label>
      <input
        id={`${id}-files`}
        ref={filesInput}
        class="visually-hidden"
        type="file"
        multiple
        accept={ACCEPT}
        tabIndex={-1}
        onChange={fromInput}
      />
      <label class="visually-hidden" for={`${id}-folder`}>
        A folder of activity files or an unzipped export
      </label>
      <input
        id={`${id}-folder`}
        ref={folderInput}
        class="visually-hidden"
        type="file"
        multiple
        tabIndex={-1}
        onChange={fromInput}
      />
      {dropError && (
        <p class="field-error" role="alert">
          {dropError}
        </p>
      )}
    </div>
  );
}
