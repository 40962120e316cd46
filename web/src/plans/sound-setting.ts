/**
 * Sound on or off for the routine player, remembered in this browser (localStorage) so a runner who turned
 * the beep off in a quiet place is not surprised next time. Defaults to on.
 */
import { useCallback, useState } from 'preact/hooks';

const KEY = 'kneewise.routine-sound';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true; // storage blocked: keep the default
  }
}

export function useSoundSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(read);
  const set = useCallback((value: boolean) => {
    setOn(value);
    try {
      localStorage.setItem(KEY, value ? 'on' : 'off');
    } catch {
      // storage blocked: the setting lasts for this page only
    }
  }, []);
  return [on, set];
}
