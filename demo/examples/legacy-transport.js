// A transport for a vendor CMS's 互动交流 API (demo/examples/legacy-cms.mjs), the worked example of
// docs/integrating.md. The widgets keep the Idempotency-Key, retries, the outbox and receipts;
// this function only speaks the CMS's language: a one-time token from the session, form fields
// with the CMS's names, and `{code, msg, data}` answers mapped back to our contract.
//
//   import { legacyTransport } from './examples/legacy-transport.js';
//   setTransport(legacyTransport('/legacy-cms'));          // or: window.rdWidgets = { transport: … }

/** Our payload's fields → the CMS's form fields, per submission type. */
function toFields(type, d) {
  const join = (xs) => xs.filter(Boolean).join('\n\n');
  switch (type) {
    case 'legislation-feedback':
      return {
        lmbh: 'zqyj', // 栏目: 法规草案征求意见
        title: `对法规草案 ${d.draftId} 的意见`,
        content: join(d.comments.map((c) => (c.target.kind === 'article' ? `${c.target.article}：${c.text}` : c.text))),
        lxr: d.respondent?.name, lxdh: d.respondent?.phone, yx: d.respondent?.email,
      };
    case 'deputy-message':
      return { lmbh: 'dbly', title: d.subject, content: d.text, lxr: d.contact?.name, lxdh: d.contact?.phone, yx: d.contact?.email };
    case 'appointment':
      return { lmbh: 'yyjf', title: d.topic, content: join([d.topic, d.details]), lxr: d.contact?.name, lxdh: d.contact?.phone, yx: d.contact?.email };
    case 'survey-response':
      return { lmbh: 'mydcp', title: `测评 ${d.surveyId}`, content: '测评答卷（见附带数据）', lxr: d.respondent?.name, lxdh: d.respondent?.phone };
    default:
      return { lmbh: 'qt', title: type, content: JSON.stringify(d) };
  }
}

/** The CMS's field names → where our forms show the error (paths from the envelope's root). */
const FIELD_PATHS = {
  'legislation-feedback': { lxdh: 'data.respondent.phone', yx: 'data.respondent.email', content: 'data.comments' },
  'deputy-message': { lxdh: 'data.contact.phone', yx: 'data.contact.email', content: 'data.text' },
  appointment: { lxdh: 'data.contact.phone', yx: 'data.contact.email', content: 'data.topic' },
  'survey-response': { lxdh: 'data.respondent.phone' },
};

/** `base`: where the CMS answers, e.g. '/legacy-cms'. `query`: extra query for the submit URL (the demo's ?fail=N). */
export function legacyTransport(base, { query = '' } = {}) {
  return async ({ body, idempotencyKey, type, signal }) => {
    // A fresh one-time token for every try (the CMS spends it on any answer but "busy").
    const tokenRes = await fetch(`${base}/token`, { credentials: 'same-origin', signal });
    if (!tokenRes.ok) return { status: tokenRes.status >= 500 ? tokenRes.status : 503 };
    const { data: { token } } = await tokenRes.json();
    const fields = { ...toFields(type, body.data), token, requestId: idempotencyKey, payload: JSON.stringify(body) };
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') form.set(k, String(v));
    const res = await fetch(`${base}/interact/submit.do${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: form,
      signal,
    });
    // HTTP trouble (busy, gateway): hand the status and Retry-After on; the widget retries or queues.
    if (!res.ok) return { status: res.status, headers: res.headers };
    const answer = await res.json();
    if (answer.code === '0000') return { status: 201, body: { receipt: answer.data.cxbh, message: answer.msg } };
    // A spent or expired token is not the citizen's mistake: try again (with a new token).
    if (answer.code === '4003' || answer.code.startsWith('5')) return { status: 503 };
    const path = FIELD_PATHS[type]?.[answer.field];
    return { status: 422, body: path ? { errors: [{ path, message: answer.msg }] } : { message: answer.msg } };
  };
}
