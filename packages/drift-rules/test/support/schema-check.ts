/**
 * A response checked against our spec with the repo's one ajv set-up (`openapiAjv`), findings shaped as
 * the contract app's schema check reports them (`SchemaFinding`): `required` and `additionalProperties`
 * at the property's own path, everything else at the instance path. The additive findings come from the
 * spec with every object schema closed, as the contract app does.
 */
import type { OpenApiDocument } from '@api-contracts/specs';
import { openapiAjv } from '@api-contracts/specs/schema';
import type { SchemaFindingLike } from '../../src/index.js';

export function checkBody(spec: OpenApiDocument, schemaPointer: string, body: unknown): SchemaFindingLike[] {
  const open = openapiAjv(spec, { verbose: true }).compile({ $ref: `spec${schemaPointer}` });
  const closed = openapiAjv(closeObjects(structuredClone(spec)), { verbose: true }).compile({ $ref: `spec${schemaPointer}` });
  const findings: SchemaFindingLike[] = [];
  if (!open(body)) for (const error of open.errors ?? []) findings.push(toFinding(error));
  if (!closed(body)) for (const error of closed.errors ?? []) if (error.keyword === 'additionalProperties') findings.push(toFinding(error));
  return findings;
}

type AjvError = NonNullable<ReturnType<ReturnType<typeof openapiAjv>['compile']>['errors']>[number];

function toFinding(error: AjvError): SchemaFindingLike {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    return { path: `${error.instancePath}/${params.missingProperty}`, keyword: 'required', expected: 'present', actual: 'absent' };
  }
  if (error.keyword === 'additionalProperties') {
    const value = (error.data as Record<string, unknown>)[String(params.additionalProperty)];
    return {
      path: `${error.instancePath}/${params.additionalProperty}`,
      keyword: 'additionalProperties',
      expected: 'absent (not in the spec)',
      actual: JSON.stringify(value),
    };
  }
  const expected =
    params.type ?? params.format ?? params.pattern ?? (params.allowedValues ? JSON.stringify(params.allowedValues) : error.keyword);
  return { path: error.instancePath || '/', keyword: error.keyword, expected: String(expected), actual: JSON.stringify(error.data) };
}

function closeObjects<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(closeObjects);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if ((record.type === 'object' || record.properties) && record.additionalProperties === undefined) record.additionalProperties = false;
    for (const [key, value] of Object.entries(record)) if (key !== 'example' && key !== 'examples') closeObjects(value);
  }
  return node;
}
