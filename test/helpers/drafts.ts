// A small draft for service tests: the header every draft needs; each test adds its text and
// questions. And for component tests: the legislation widget's comment form made ready.
import type { Draft } from '../../src/services/schemas/legislation.js';
import { until } from './env.js';

export const draftHeader = (): Pick<Draft, 'id' | 'title' | 'legislature' | 'level' | 'stage' | 'window'> => ({
  id: 'd-1',
  title: '某市文明养犬条例（草案）',
  legislature: '某市人大常委会法制工作委员会',
  level: 'city',
  stage: 'second-reading',
  window: { opens: '2026-11-01T00:00:00+08:00', closes: '2026-12-01T00:00:00+08:00' },
});

/**
 * The comment form of `<rd-legislation-feedback>` (its form half) brought in as a citizen does,
 * by scrolling to it, and the page scrolled back to the top. Scrolled again while a jump (a deep
 * link, a link followed) still settles its target in view.
 */
export async function lfFormReady(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  const root = el.shadowRoot!;
  await until(() => {
    root.querySelector('.lf-rest')?.scrollIntoView();
    // Its blocks (the general comment …); the send button is not there while a send is queued.
    return root.querySelector('.lf-rest .lf-block');
  }, 8000, 'the form half');
  await el.updateComplete;
  window.scrollTo(0, 0);
}
