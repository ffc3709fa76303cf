// Writes dist/schemas/*.json (JSON Schema 2020-12) and dist/openapi.json from the zod schemas.
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { z } from 'zod/mini';

const { dataSchemas, payloadSchemas, responseSchemas, loopSchemas } = await import('../dist/server/schemas.mjs');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
mkdirSync('dist/schemas', { recursive: true });

const toJson = (schema, id) => ({ ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), $id: id });
const components = {};
for (const [name, schema] of Object.entries(dataSchemas)) {
  const js = toJson(schema, `${name}.json`);
  writeFileSync(`dist/schemas/${name}.json`, JSON.stringify(js, null, 2));
  components[name] = strip(js);
}
for (const [type, { schema }] of Object.entries(payloadSchemas)) {
  const js = toJson(schema, `${type}.payload.json`);
  writeFileSync(`dist/schemas/${type}.payload.json`, JSON.stringify(js, null, 2));
  components[`${type}.payload`] = strip(js);
}
for (const [name, schema] of Object.entries(responseSchemas)) {
  const js = toJson(schema, `${name}.response.json`);
  writeFileSync(`dist/schemas/${name}.response.json`, JSON.stringify(js, null, 2));
  components[`${name}.response`] = strip(js);
}

// Closing the loop (docs/contract.md#looking-up-a-submission).
for (const [name, schema] of Object.entries(loopSchemas)) {
  const js = toJson(schema, `${name}.json`);
  writeFileSync(`dist/schemas/${name}.json`, JSON.stringify(js, null, 2));
  components[name] = strip(js);
}

function strip(js) {
  const { $schema, $id, ...rest } = js;
  return rest;
}
const ref = (n) => ({ $ref: `#/components/schemas/${n}` });
const json = (schema) => ({ 'application/json': { schema } });
const paths = {};
for (const [type, { route }] of Object.entries(payloadSchemas)) {
  paths[route] = {
    post: {
      summary: `Submit a ${type}`,
      parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', format: 'uuid' }, description: 'Same UUID v4 on every retry of one submission; a repeat returns the first receipt.' }],
      requestBody: { required: true, content: json(ref(`${type}.payload`)) },
      responses: {
        200: { description: 'Accepted (or a repeat of an accepted key)', content: json(ref('receipt.response')) },
        201: { description: 'Accepted', content: json(ref('receipt.response')) },
        400: { description: 'Invalid; field errors', content: json(ref('errors.response')) },
        409: { description: 'Already submitted (e.g. a used ballot code)', content: json(ref('errors.response')) },
        422: { description: 'Invalid; field errors', content: json(ref('errors.response')) },
        429: { description: 'Too many requests; honour Retry-After' },
        503: { description: 'Unavailable; retry with backoff' },
      },
    },
  };
}
const getRoutes = { draft: '/drafts/{id}', deputy: '/deputies/{id}', survey: '/surveys/{id}', stations: '/stations', 'survey-results': '/surveys/{id}/results', deputies: '/deputies' };
for (const [name, route] of Object.entries(getRoutes)) {
  if (!components[name]) continue;
  paths[route] = {
    get: {
      summary: `Read ${name}`,
      ...(route.includes('{id}') ? { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] } : {}),
      responses: { 200: { description: name, content: json(ref(name)) }, 404: { description: 'Not found' } },
    },
  };
}
const receiptParam = { name: 'receipt', in: 'path', required: true, schema: { type: 'string' } };
const staff = [{ staffToken: [] }];
const problem = (d) => ({ description: d, content: json(ref('errors.response')) });
paths['/receipts/{receipt}'] = {
  get: {
    summary: 'Look up a submission by receipt and lookup code',
    parameters: [receiptParam, { name: 'code', in: 'query', required: true, schema: { type: 'string' }, description: 'The lookup code of the 201 (any case, dash optional)' }],
    responses: {
      200: { description: 'Status, history, reply, rating', content: json(ref('receipt-lookup')) },
      404: problem('Unknown receipt or wrong code (the same answer, with code "receipt-not-found")'),
      429: { description: 'Too many wrong codes; honour Retry-After' },
    },
  },
};
paths['/receipts/{receipt}/rating'] = {
  post: {
    summary: "Rate the reply, once per receipt",
    parameters: [receiptParam, { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } }],
    requestBody: { required: true, content: json(ref('rating.request')) },
    responses: {
      201: { description: 'Rated', content: json(ref('receipt-lookup')) },
      200: { description: 'A repeat of the same key', content: json(ref('receipt-lookup')) },
      400: problem('Invalid'), 404: problem('Unknown receipt or wrong code'),
      409: problem('Already rated (code "already-rated")'), 422: problem('No reply yet (code "not-replied")'),
    },
  },
};
paths['/drafts/{id}/adoption'] = {
  get: {
    summary: "A draft's published adoption report (also on the draft as `adoption`)",
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { 200: { description: 'The report', content: json(ref('adoption')) }, 404: { description: 'Not published' } },
  },
};
paths['/staff/receipts/{receipt}/status'] = {
  post: {
    summary: 'Staff: set the status, with a note to the citizen and a reply',
    security: staff,
    parameters: [receiptParam],
    requestBody: { required: true, content: json(ref('staff-status.request')) },
    responses: { 200: { description: 'The lookup view after the change', content: json(ref('receipt-lookup')) }, 400: problem('Invalid'), 401: { description: 'No token' }, 403: { description: 'Wrong token' }, 404: { description: 'Unknown receipt' } },
  },
};
paths['/staff/submissions'] = {
  get: {
    summary: 'Staff: submissions, newest first, with filters and keyset paging (no personal details)',
    security: staff,
    parameters: ['type', 'status', 'subject', 'rated', 'before', 'limit'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
    responses: { 200: { description: '{items, next}' }, 400: problem('A bad filter'), 401: { description: 'No token' }, 403: { description: 'Wrong token' } },
  },
};
paths['/staff/receipts/{receipt}'] = {
  get: { summary: 'Staff: one submission with personal details, history, replies and rating (audited)', security: staff, parameters: [receiptParam], responses: { 200: { description: 'The submission' }, 404: { description: 'Unknown receipt' } } },
};
paths['/staff/drafts/{id}/adoption'] = {
  get: { summary: "Staff: a draft's adoption report as being edited (counts from stored comments)", security: staff, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'The report' } } },
  put: { summary: 'Staff: publish the adoption report', security: staff, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], requestBody: { required: true, content: json(ref('adoption.request')) }, responses: { 200: { description: 'The report' }, 400: problem('Invalid') } },
};
paths['/staff/audit'] = {
  get: { summary: 'Staff: the audit log', security: staff, responses: { 200: { description: '{entries}' } } },
};

const openapi = {
  openapi: '3.1.0',
  info: { title: 'rd-widgets endpoint contract', version: pkg.version, description: 'What a backend must accept and serve for rd-widgets. Bodies are the envelope of docs/contract.md#the-envelope with widget-specific data.' },
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  servers: [{ url: '{endpoint}', variables: { endpoint: { default: 'http://localhost:8000/api' } } }],
  paths,
  components: { schemas: components, securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', description: 'The receiver\'s staff token' } } },
};
writeFileSync('dist/openapi.json', JSON.stringify(openapi, null, 2));
