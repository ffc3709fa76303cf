// Focus moves after a submit (GOV.UK pattern, docs/architecture.md#forms): plain DOM, shared by
// the form controller and the form pieces in src/components/shared/form.ts.

/** Focuses the error summary rendered in `root` and scrolls it into view. */
export function focusSummary(root: ShadowRoot | null | undefined): void {
  const el = root?.querySelector<HTMLElement>('[data-rd-error-summary]');
  if (el) { el.focus(); el.scrollIntoView({ block: 'start' }); }
}

/** Focuses a field by id inside `root` and scrolls its label (or legend) into view. */
export function focusField(root: ShadowRoot | HTMLElement, id: string): void {
  const el = (root as ShadowRoot).getElementById?.(id) ?? (root as HTMLElement).querySelector(`#${CSS.escape(id)}`);
  if (!(el instanceof HTMLElement)) return;
  const fieldset = el.closest('fieldset');
  const label = fieldset?.querySelector('legend') ?? (root as ShadowRoot).querySelector?.(`label[for="${CSS.escape(id)}"]`);
  (label ?? el).scrollIntoView({ block: 'start' });
  const target = el.matches('input,select,textarea,button,[tabindex]') ? el : el.querySelector<HTMLElement>('input,select,textarea,button');
  target?.focus({ preventScroll: true });
}
