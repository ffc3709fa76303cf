// A small draft for service tests: the header every draft needs; each test adds its text and
// questions.
import type { Draft } from '../../src/services/schemas/legislation.js';

export const draftHeader = (): Pick<Draft, 'id' | 'title' | 'legislature' | 'level' | 'stage' | 'window'> => ({
  id: 'd-1',
  title: '某市文明养犬条例（草案）',
  legislature: '某市人大常委会法制工作委员会',
  level: 'city',
  stage: 'second-reading',
  window: { opens: '2026-11-01T00:00:00+08:00', closes: '2026-12-01T00:00:00+08:00' },
});
