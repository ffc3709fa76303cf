// Guarded registration (docs/architecture.md#elements): loading a script twice, or two versions
// on one page, must not throw — the first definition of a tag wins.
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  try {
    customElements.define(tag, ctor);
  } catch {
    /* defined concurrently by another copy */
  }
}
