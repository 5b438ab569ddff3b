// Records an animation drawn on a canvas as a WebM video, in real time, through the browser's
// MediaRecorder; the file's duration is then written into its header (fix-webm-duration), as
// Chrome's recorder leaves it out and players would show none.

import fixWebmDuration from 'fix-webm-duration';
import { noticeError } from '../i18n/notice';

/** The WebM codecs to try, best first. */
const TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

/** Whether this browser can record a canvas as WebM. */
export const canRecord = (): boolean =>
  typeof MediaRecorder !== 'undefined' &&
  typeof HTMLCanvasElement !== 'undefined' &&
  'captureStream' in HTMLCanvasElement.prototype &&
  TYPES.some((t) => MediaRecorder.isTypeSupported(t));

/**
 * Plays `draw(fraction)` on `canvas` for `durationMs` of wall time, from 0 to 1 (a last frame
 * at 1), recording it at `fps`; resolves with the WebM. `onprogress` gets the fraction done;
 * aborting `signal` stops and rejects with an AbortError, keeping nothing.
 */
export async function recordCanvas(
  canvas: HTMLCanvasElement,
  durationMs: number,
  draw: (fraction: number) => void,
  o: { fps?: number; onprogress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<Blob> {
  const type = TYPES.find((t) => MediaRecorder.isTypeSupported(t));
  if (!type) throw noticeError('video-unsupported');
  const fps = o.fps ?? 30;
  const stream = canvas.captureStream(fps);
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  draw(0);
  recorder.start(500);
  const started = performance.now();
  let cancelled = false;
  await new Promise<void>((resolve) => {
    const frame = () => {
      if (o.signal?.aborted) return ((cancelled = true), resolve());
      const fraction = Math.min(1, (performance.now() - started) / durationMs);
      draw(fraction);
      o.onprogress?.(fraction);
      if (fraction >= 1) return resolve();
      setTimeout(frame, 1000 / fps);
    };
    frame();
  });
  // Hold the last frame a moment, so it is in the file; the video lasts until then.
  if (!cancelled) await new Promise((r) => setTimeout(r, 1000 / fps + 50));
  const elapsed = performance.now() - started;
  recorder.stop();
  await stopped;
  for (const track of stream.getTracks()) track.stop();
  if (cancelled) throw new DOMException('Recording cancelled', 'AbortError');
  return fixWebmDuration(new Blob(chunks, { type: 'video/webm' }), elapsed, { logger: false });
}
