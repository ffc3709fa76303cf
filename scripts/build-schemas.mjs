// Writes dist/schemas/*.json (JSON Schema 2020-12) and dist/openapi.json from the zod schemas.
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { z } from 'zod/mini';

const { dataSchemas, payloadSchemas, responseSchemas } = await import('../dist/server/schemas.mjs');
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
const openapi = {
  openapi: '3.1.0',
  info: { title: 'rd-widgets endpoint contract', version: pkg.version, description: 'What a backend must accept and serve for rd-widgets. Bodies are the envelope of docs/contract.md#the-envelope with widget-specific data.' },
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  servers: [{ url: '{endpoint}', variables: { endpoint: { default: 'http://localhost:8000/api' } } }],
  paths,
  components: { schemas: components },
};
writeFileSync('dist/openapi.json', JSON.stringify(openapi, null, 2));
