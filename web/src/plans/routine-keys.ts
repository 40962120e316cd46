/**
 * Keyboard shortcuts while a routine plays: Space pauses or resumes, → skips, ← goes back. They are listened
 * for on the whole document (a runner mid-exercise should not have to find the right button first), except in
 * text fields, selects and checkboxes, where keys keep their usual meaning.
 */
import { useEffect, useRef } from 'preact/hooks';

export interface RoutineKeyActions {
  togglePause(): void;
  skip(): void;
  back(): void;
}

function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.matches('input, select, textarea, summary');
}

const isSpace = (e: KeyboardEvent) => e.key === ' ' || e.code === 'Space';

export function useRoutineKeys(active: boolean, actions: RoutineKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isFormField(e.target)) return;
      if (isSpace(e)) {
        // Also on a focused button: Space must pause, not press that button (Skip, Stop…).
        e.preventDefault();
        if (!e.repeat) latest.current.togglePause();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        latest.current.skip();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        latest.current.back();
      }
    };
    // Buttons fire their click for Space on key-up: cancel it so one press is one pause.
    const onKeyUp = (e: KeyboardEvent) => {
      if (isSpace(e) && !isFormField(e.target) && e.target instanceof HTMLButtonElement) e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, [active]);
}
