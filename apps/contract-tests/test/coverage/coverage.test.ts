/** What coverage counts on small specs: path templates, statuses and ranges, $ref/allOf/cycles, enums, header case. */
import type { OpenApiDocument } from '@api-contracts/specs';
import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../src/coverage/coverage.js';
import type { Exercise } from '../../src/model.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  components: {
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
    parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } },
    schemas: {
      Node: { type: 'object', properties: { id: { type: 'string' }, child: { $ref: '#/components/schemas/Node' } } },
      Item: {
        allOf: [
          { type: 'object', properties: { key: { type: 'string' } } },
          { type: 'object', properties: { state: { type: 'string', enum: ['on', 'off'] }, node: { $ref: '#/components/schemas/Node' } } },
        ],
      },
    },
  },
  paths: {
    '/things/{thing_id}/items': {
      get: {
        operationId: 'listItems',
        parameters: [
          { name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } },
          { $ref: '#/components/parameters/Limit' },
          { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
          { name: 'Request-Timeout', in: 'header', schema: { type: 'integer' } },
          { name: 'x-api-key', in: 'header', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
              },
            },
          },
          '4XX': {
            description: 'client error',
            content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } } } } },
          },
          default: { description: 'anything else' },
        },
      },
    },
  },
} as unknown as OpenApiDocument;

const exercise = (overrides: Partial<Exercise>): Exercise => ({
  source: 'pact',
  method: 'GET',
  path: '/things/t_1/items',
  query: {},
  headers: [],
  status: 200,
  ...overrides,
});

describe('coverageOf', () => {
  it('counts nothing exercised as 0% and names every element', () => {
    const coverage = coverageOf('t', spec, [], ['pacts']);
    expect(coverage.operations).toEqual({ covered: 0, total: 1, percent: 0, missing: ['GET /things/{thing_id}/items (listItems)'] });
    expect(coverage.statuses.missing).toEqual(['listItems 200', 'listItems 4XX', 'listItems default']);
    // The security header is the scheme's, not a parameter.
    expect(coverage.parameters.missing).toEqual([
      'listItems path thing_id',
      'listItems query limit',
      'listItems query order',
      'listItems header Request-Timeout',
    ]);
    expect(coverage.responseProperties.missing).toEqual([
      'listItems 200 $.items',
      'listItems 200 $.items[].key',
      'listItems 200 $.items[].state',
      'listItems 200 $.items[].node',
      'listItems 200 $.items[].node.id',
      'listItems 200 $.items[].node.child',
      'listItems 4XX $.message',
    ]);
  });

  it('matches path templates, status ranges and default, header names in any case', () => {
    const coverage = coverageOf(
      't',
      spec,
      [
        exercise({
          query: { order: ['desc'] },
          headers: ['request-timeout'],
          body: { items: [{ key: 'a', state: 'off', node: { id: 'n' } }] },
        }),
        exercise({ path: '/things/t_2/items', status: 404, body: { message: 'no' } }),
        exercise({ path: '/things/t_2/items', status: 503 }),
        // Another operation's path, and a segment too many: neither covers listItems.
        exercise({ path: '/things/t_1/items/extra', status: 200, query: { limit: ['5'] } }),
        exercise({ method: 'POST', query: { limit: ['5'] } }),
      ],
      ['pacts'],
    );
    expect(coverage.operations.percent).toBe(100);
    expect(coverage.statuses).toMatchObject({ covered: 3, total: 3, percent: 100, missing: [] });
    expect(coverage.parameters.missing).toEqual(['listItems query limit']);
    expect(coverage.enumValues.missing).toEqual(['listItems query order = "asc"', 'listItems 200 $.items[].state = "on"']);
    expect(coverage.responseProperties.missing).toEqual(['listItems 200 $.items[].node.child']);
    expect(coverage.responseProperties.percent).toBe(85.7);
  });

  it('counts a property only under the status it was seen with', () => {
    const coverage = coverageOf(
      't',
      spec,
      [exercise({ status: 400, body: { message: 'bad', items: [{ key: 'k' }] } })],
      ['pacts', 'probe'],
    );
    expect(coverage.responseProperties.missing).toContain('listItems 200 $.items[].key');
    expect(coverage.responseProperties.missing).not.toContain('listItems 4XX $.message');
    expect(coverage.by).toEqual(['pacts', 'probe']);
  });
});
