import { expect } from '@open-wc/testing';
import { FormErrors, fieldId } from '../../src/services/form-errors.js';

const t = (key: string) => `«${key}»`;

function errors() {
  const e = new FormErrors();
  e.set([{ path: 'name', key: 'err.name' }, { path: 'q1', key: 'err.q1' }, { path: 'name', key: 'err.twice' }]);
  e.setServer([{ path: 'q1', message: 'server q1' }, { path: 'q2', message: 'server q2' }, { path: '$code', message: 'server code' }]);
  return e;
}

describe('form-errors: FormErrors', () => {
  it('nothing shown before the first submit', () => {
    const e = errors();
    expect(e.shown(t)).to.deep.equal([]);
    expect(e.for('name', t)).to.equal(undefined);
  });
  const cases: Array<[string, ((p: string) => boolean) | undefined, string[]]> = [
    ['all, client first, each path once', undefined, ['f-name «err.name»', 'f-q1 «err.q1»', 'f-q2 server q2', 'f--code server code']],
    ['only some paths (one step of a form)', (p) => p.startsWith('q'), ['f-q1 «err.q1»', 'f-q2 server q2']],
    ['start fields only', (p) => p.startsWith('$'), ['f--code server code']],
    ['none', () => false, []],
  ];
  for (const [name, include, want] of cases) {
    it(`shown: ${name}`, () => {
      const e = errors();
      e.submitted = true;
      expect(e.shown(t, fieldId, include).map((x) => `${x.id} ${x.message}`)).to.deep.equal(want);
    });
  }
  it('ids by the form\'s own mapping', () => {
    const e = errors();
    e.submitted = true;
    expect(e.shown(t, (p) => `x-${p}`, (p) => p === '$code').map((x) => x.id)).to.deep.equal(['x-$code']);
  });
  it('clearServerFor drops one path; for() prefers the client message', () => {
    const e = errors();
    e.submitted = true;
    e.clearServerFor('q2');
    expect(e.serverErrors.map((x) => x.path)).to.deep.equal(['q1', '$code']);
    expect(e.for('q1', t)).to.equal('«err.q1»');
    expect(e.for('$code', t)).to.equal('server code');
    expect(e.for('q2', t)).to.equal(undefined);
    e.reset();
    expect([e.submitted, e.serverErrors.length, e.shown(t).length]).to.deep.equal([false, 0, 0]);
  });
});
