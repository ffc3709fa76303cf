import { expect } from '@open-wc/testing';
import { checkMessage, emptyMessage, messageData, type MessageValue } from '../../src/services/deputy-message.js';

const deputy = { id: 'dep-001', stations: [{ id: 'st-1', name: '东城联络站' }] };
const ctx = { channel: 'web' as const, consentVersion: '2', at: '2026-12-06T00:00:00.000Z' };
const valid = (patch: Partial<MessageValue> = {}): MessageValue => ({ ...emptyMessage(), subject: '路灯不亮', text: '小区东门路灯坏了一个月。', category: 'livelihood', consent: true, ...patch });

describe('deputy message: payload data', () => {
  it('sends contact only when a reply is wanted, trimmed, without empty fields', () => {
    expect(messageData(valid({ name: ' 张三 ', phone: '138', wantsReply: false }), deputy, ctx)).to.not.have.property('contact');
    expect(messageData(valid({ name: ' 张三 ', phone: ' 13800000000 ', email: '  ', wantsReply: true }), deputy, ctx).contact).to.deep.equal({ name: '张三', phone: '13800000000' });
  });
  it('names the first station, the channel and the consent version with its time', () => {
    const d = messageData(valid(), deputy, { ...ctx, channel: 'kiosk' });
    expect(d).to.include({ deputyId: 'dep-001', stationId: 'st-1', channel: 'kiosk' });
    expect(d.consent).to.deep.equal({ version: '2', at: '2026-12-06T00:00:00.000Z' });
    expect(messageData(valid(), { id: 'dep-002' }, ctx)).to.not.have.property('stationId');
    expect(messageData(valid({ consent: false }), deputy, ctx).consent).to.equal(undefined);
  });
});

describe('deputy message: problems in form order, in the form\'s words', () => {
  const cases: Array<[string, Partial<MessageValue>, Array<[string, string]>]> = [
    ['valid', {}, []],
    ['empty form', { subject: '', text: '', category: '', consent: false }, [['subject', 'deputy.errors.subject'], ['category', 'deputy.errors.category'], ['text', 'deputy.errors.text'], ['consent', 'errors.consent']]],
    ["a category of the portal's own list (the categories property) is accepted", { category: 'tourism' }, []],
    ['reply wanted, no phone or e-mail', { wantsReply: true }, [['contact.phone', 'deputy.errors.contactNeeded']]],
    ['reply wanted, e-mail given', { wantsReply: true, email: 'a@example.cn' }, []],
    ['reply wanted, blank phone', { wantsReply: true, phone: '   ' }, [['contact.phone', 'deputy.errors.contactNeeded']]],
    ['reply wanted, text missing too: text first', { wantsReply: true, text: '' }, [['text', 'deputy.errors.text'], ['contact.phone', 'deputy.errors.contactNeeded']]],
  ];
  for (const [name, patch, want] of cases) {
    it(name, () => {
      const { checked, problems } = checkMessage(valid(patch), deputy, ctx);
      expect(problems.map((p) => [p.path, p.key])).to.deep.equal(want);
      if (!want.length) expect(checked.ok).to.equal(true);
    });
  }
});
