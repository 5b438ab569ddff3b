/** How long playback of the whole span takes at 1×, ms (a video of it lasts this over its speed). */
export const PLAYBACK_MS = 12_000;

/**
 * The network's playback clock. It plays the whole span in 12 s at 1×, continuously; with
 * reduced motion it steps from event to event instead. While it plays, `time` is the clock;
 * otherwise it is null and the view's own date (from the URL) is shown. Pausing or finishing
 * hands the date back through `settle`, so the URL keeps where playback stopped.
 */
export class Playback {
  /** The clock while playing or while the slider is dragged, ms; null when the view's date rules. */
  time = $state<number | null>(null);
  playing = $state(false);
  speed = $state(1);
  #frame = 0;

  constructor(
    private readonly span: () => { start: number; end: number },
    private readonly events: () => readonly number[],
    /** Called with the date playback stopped at, or null when it ran to the end. */
    private readonly settle: (time: number | null) => void,
    private readonly reducedMotion = typeof matchMedia === 'function' &&
      matchMedia('(prefers-reduced-motion: reduce)').matches,
  ) {}

  /** Play from `from` (from the start when at the end), or pause when playing. */
  toggle(from: number): void {
    if (this.playing) return this.pause();
    const { start, end } = this.span();
    this.playing = true;
    let t = from >= end ? start : from;
    this.time = t;
    if (this.reducedMotion) {
      const step = () => {
        if (!this.playing) return;
        t = this.events().find((e) => e > t) ?? end;
        this.time = t;
        if (t >= end) return this.#finish();
        this.#frame = window.setTimeout(step, 700 / this.speed);
      };
      this.#frame = window.setTimeout(step, 700 / this.speed);
      return;
    }
    let last = performance.now();
    const tick = (now: number) => {
      if (!this.playing) return;
      t += ((end - start) / PLAYBACK_MS) * (now - last) * this.speed;
      last = now;
      if (t >= end) return this.#finish();
      this.time = t;
      this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  }

  /** Stop where it is; the view takes that date. */
  pause(): void {
    this.playing = false;
    this.stop();
    if (this.time !== null) this.settle(this.time);
    this.time = null;
  }

  /** The slider is dragged: it shows that date, pausing playback. */
  scrub(time: number): void {
    if (this.playing) this.pause();
    this.time = time;
  }

  /** The slider is let go: the view takes its date (none at the end). */
  release(time: number): void {
    this.time = null;
    this.settle(time >= this.span().end ? null : time);
  }

  #finish(): void {
    this.playing = false;
    this.stop();
    this.time = null;
    this.settle(null);
  }

  /** Cancel any pending frame or step, as when the page goes. */
  stop(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#frame);
  }
}
