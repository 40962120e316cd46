/**
 * The end-of-step beep, made in the browser with the Web Audio API (an oscillator, no audio file), so nothing
 * is downloaded. The AudioContext is created on the Start press: browsers only let a page make sound after
 * a user gesture, and a context made earlier would stay suspended.
 */

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | null {
  const w = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

export class SoundCue {
  private context: AudioContext | null = null;

  /** Call from a click or key handler. Returns false when this browser cannot make sound. */
  unlock(): boolean {
    if (this.context) {
      if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined);
      return true;
    }
    const Ctor = audioContextClass();
    if (!Ctor) return false;
    try {
      this.context = new Ctor();
      if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * A short tone: `long` for the end of the whole routine. Returns whether a tone was scheduled, so the
   * player can count the cues it actually played.
   */
  beep(long = false): boolean {
    const ctx = this.context;
    if (!ctx) return false;
    try {
      const start = ctx.currentTime + 0.01;
      const length = long ? 0.6 : 0.25;
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.setValueAtTime(long ? 660 : 880, start);
      // A quick fade in and out: a hard start or stop clicks.
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(start);
      oscillator.stop(start + length + 0.05);
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }
}
