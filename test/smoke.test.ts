import { expect } from '@open-wc/testing';
describe('smoke', () => { it('runs in chromium', () => { expect(navigator.userAgent).to.contain('Chrome'); }); });
