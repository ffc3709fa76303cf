import { expect } from '@open-wc/testing';
import { resolveConfig, endpointUrl, layerConfig, RdConfigError, DEFAULT_CONFIG, type ConfigInput } from '../../src/services/config.js';

describe('config resolution', () => {
  const cases: Array<[string, ConfigInput, ConfigInput, Partial<typeof DEFAULT_CONFIG>]> = [
    ['defaults', {}, {}, { endpoint: '', credentials: 'omit', drafts: 'on', draftTtl: 30, kiosk: false, large: false, timeout: 15000 }],
    ['provider fills in', {}, { endpoint: 'https://a.example/api/', credentials: 'include' }, { endpoint: 'https://a.example/api', credentials: 'include' }],
    ['own wins over provider', { endpoint: '/own', drafts: 'off' }, { endpoint: '/prov', drafts: 'on' }, { endpoint: '/own', drafts: 'off' }],
    ['invalid own value falls through to provider', { credentials: 'bogus' as never }, { credentials: 'same-origin' }, { credentials: 'same-origin' }],
    ['invalid everywhere → default', { credentials: 'x' as never }, { credentials: 'y' as never }, { credentials: 'omit' }],
    ['draft-ttl as string', { draftTtl: '7' as never }, {}, { draftTtl: 7 }],
    ['draft-ttl zero or negative is ignored', { draftTtl: 0 }, { draftTtl: -3 }, { draftTtl: 30 }],
    ['drafts "false" means off', { drafts: 'false' as never }, {}, { drafts: 'off' }],
    ['provider kiosk switches on kiosk, large, drafts off', {}, { kiosk: true }, { kiosk: true, large: true, drafts: 'off' }],
    ['kiosk overrides an explicit drafts=on', { kiosk: true, drafts: 'on' }, {}, { drafts: 'off', large: true }],
    ['own false boolean does not switch off provider large', { large: false }, { large: true }, { large: true }],
    ['blank endpoint falls through', { endpoint: '  ' }, { endpoint: '/p' }, { endpoint: '/p' }],
  ];
  for (const [name, own, provider, want] of cases) {
    it(name, () => {
      const got = resolveConfig(own, provider);
      for (const [k, v] of Object.entries(want)) expect(got[k as keyof typeof got], k).to.deep.equal(v);
    });
  }

  it('merges headers and messages key by key, own keys winning', () => {
    const got = resolveConfig({ headers: { 'X-A': 'own' }, messages: { a: '1' } }, { headers: { 'X-A': 'p', 'X-B': 'p' }, messages: { b: '2' } });
    expect(got.headers).to.deep.equal({ 'X-A': 'own', 'X-B': 'p' });
    expect(got.messages).to.deep.equal({ b: '2', a: '1' });
  });

  // A widget inside a widget: inner own > outer widget's own > provider > defaults.
  const layers: Array<[string, ConfigInput, ConfigInput, ConfigInput, Partial<Record<keyof ConfigInput, unknown>>]> = [
    ['outer settings reach the inner widget', {}, { draftContact: true, kioskTimeout: 45, privacyVersion: 'v2' }, { endpoint: '/api' }, { draftContact: true, kioskTimeout: 45, privacyVersion: 'v2', endpoint: '/api' }],
    ['outer wins over the provider', {}, { endpoint: '/outer', timeout: 5000 }, { endpoint: '/p', timeout: 9000 }, { endpoint: '/outer', timeout: 5000 }],
    ['inner own wins over both', { endpoint: '/inner' }, { endpoint: '/outer' }, { endpoint: '/p' }, { endpoint: '/inner' }],
    ['unset outer values do not hide the provider', {}, { endpoint: undefined, drafts: undefined, kiosk: false }, { endpoint: '/p', drafts: 'off', kiosk: true }, { endpoint: '/p', drafts: 'off', kiosk: true }],
    ['invalid outer values do not hide the provider', {}, { timeout: -1, credentials: 'bogus' as never }, { timeout: 7000, credentials: 'include' }, { timeout: 7000, credentials: 'include' }],
    ['headers merge through all three', { headers: { A: 'inner' } }, { headers: { A: 'outer', B: 'outer' } }, { headers: { B: 'p', C: 'p' } }, { headers: { A: 'inner', B: 'outer', C: 'p' } }],
  ];
  for (const [name, inner, outer, provider, want] of layers) {
    it(`layers: ${name}`, () => {
      const cfg = resolveConfig(inner, layerConfig(outer, provider));
      for (const [k, v] of Object.entries(want)) expect(cfg[k as keyof typeof cfg], k).to.deep.equal(v);
    });
  }

  it('joins endpoint and route, and refuses when there is no endpoint', () => {
    expect(endpointUrl('https://x.example/api/', '/appointments')).to.equal('https://x.example/api/appointments');
    expect(endpointUrl('/api', 'stations')).to.equal('/api/stations');
    expect(() => endpointUrl('', '/x')).to.throw(RdConfigError);
    try { endpointUrl('', '/x'); } catch (e) { expect((e as Error).name).to.equal('RdConfigError'); }
  });
});
