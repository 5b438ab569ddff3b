/** What a key does while presenting. */
export type PresenterMove = 'next' | 'prev' | 'first' | 'last' | 'exit';

/**
 * The presenter's keys: → / Space / PageDown next, ← / PageUp previous, Home / End, Esc to
 * leave. Keys typed into a form control, or arrows and Space on a control that uses them
 * (a slider, a select, a button, a chart's focusable points), keep their own meaning.
 */
export function presenterMove(
  key: string,
  target: { tagName?: string; role?: string | null; inChart?: boolean; editable?: boolean },
): PresenterMove | null {
  const tag = (target.tagName ?? '').toUpperCase();
  const typing = tag === 'INPUT' || tag === 'TEXTAREA' || target.editable === true;
  if (key === 'Escape') return 'exit';
  if (typing) return null;
  const control =
    tag === 'SELECT' || tag === 'BUTTON' || target.role === 'slider' || target.inChart === true;
  switch (key) {
    case 'PageDown':
      return 'next';
    case 'PageUp':
      return 'prev';
    case 'ArrowRight':
    case ' ':
      return control ? null : 'next';
    case 'ArrowLeft':
      return control ? null : 'prev';
    case 'Home':
      return control ? null : 'first';
    case 'End':
      return control ? null : 'last';
    default:
      return null;
  }
}
