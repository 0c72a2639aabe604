/**
 * Coverage of the contract: which elements of a spec (operations, statuses, parameters, enum values, response
 * properties) some check exercised, pact or probe. An element nobody exercised is listed by name, so a part of
 * the spec that no check covers is visible instead of silently trusted.
 */
import { childPath, valuesAt } from '@api-contracts/drift-rules';
import { deref, type OpenApiDocument } from '@api-contracts/specs';
import type { ApiCoverage, CoverageCategory, Exercise } from '../model.js';
import { operationLabel, operationName, operationOfRequest, type SpecOperation, specOperations } from '../spec-operation.js';

type Json = Record<string, unknown>;

/** One element of the spec and the test that says whether an exercise covers it. */
interface Element {
  name: string;
  covered: (exercise: Exercise) => boolean;
}

interface Elements {
  operations: Element[];
  statuses: Element[];
  parameters: Element[];
  enumValues: Element[];
  responseProperties: Element[];
}

export function coverageOf(api: string, spec: OpenApiDocument, exercises: readonly Exercise[], by: ApiCoverage['by']): ApiCoverage {
  const elements = elementsOf(spec);
  const measure = (list: Element[]): CoverageCategory => {
    const missing = list.filter((element) => !exercises.some((exercise) => element.covered(exercise))).map((element) => element.name);
    const covered = list.length - missing.length;
    return { covered, total: list.length, percent: list.length === 0 ? 100 : Math.round((covered / list.length) * 1000) / 10, missing };
  };
  return {
    api,
    by,
    operations: measure(elements.operations),
    statuses: measure(elements.statuses),
    parameters: measure(elements.parameters),
    enumValues: measure(elements.enumValues),
    responseProperties: measure(elements.responseProperties),
  };
}

/** Every element of the spec, in spec order. */
function elementsOf(spec: OpenApiDocument): Elements {
  const out: Elements = { operations: [], statuses: [], parameters: [], enumValues: [], responseProperties: [] };
  const securityHeaders = new Set(
    Object.values((spec.components?.securitySchemes ?? {}) as Record<string, Json>)
      .filter((scheme) => scheme.type === 'apiKey' && scheme.in === 'header')
      .map((scheme) => String(scheme.name).toLowerCase()),
  );
  const operations = specOperations(spec);
  // Each exercise is matched once (elements ask many times, and a run may hold hundreds of exercises).
  const matched = new WeakMap<Exercise, SpecOperation | undefined>();
  const operationOf = (exercise: Exercise) => {
    if (!matched.has(exercise)) matched.set(exercise, operationOfRequest(operations, exercise.method, exercise.path));
    return matched.get(exercise);
  };
  for (const operation of operations) {
    const id = operationName(operation);
    // An exercise counts for the operation its request makes (`/a/mine` is not also `/a/{id}`).
    const ofOperation = (exercise: Exercise) => operationOf(exercise) === operation;
    out.operations.push({ name: operationLabel(operation), covered: ofOperation });

    for (const parameter of operation.parameters) {
      const where = String(parameter.in);
      const name = String(parameter.name);
      if (where === 'header' && securityHeaders.has(name.toLowerCase())) continue;
      const sent = (exercise: Exercise): string[] | undefined =>
        where === 'query'
          ? exercise.query[name]
          : where === 'header'
            ? exercise.headers.includes(name.toLowerCase())
              ? []
              : undefined
            : where === 'path'
              ? []
              : undefined;
      out.parameters.push({
        name: `${id} ${where} ${name}`,
        covered: (exercise) => ofOperation(exercise) && sent(exercise) !== undefined,
      });
      const schema = deref(spec, parameter.schema) as Json | undefined;
      for (const value of (schema?.enum ?? []) as unknown[]) {
        out.enumValues.push({
          name: `${id} ${where} ${name} = ${JSON.stringify(value)}`,
          covered: (exercise) => ofOperation(exercise) && (sent(exercise) ?? []).includes(String(value)),
        });
      }
    }

    const responses = operation.responses;
    const codes = Object.keys(responses);
    for (const code of codes) {
      const answered = (exercise: Exercise) => ofOperation(exercise) && statusKeyOf(exercise.status, codes) === code;
      out.statuses.push({ name: `${id} ${code}`, covered: answered });
      const response = deref(spec, responses[code]) as Json;
      const content = (response.content ?? {}) as Record<string, Json>;
      const json = Object.keys(content).find((type) => type.includes('json'));
      if (!json) continue;
      walkSchema(spec, content[json]?.schema, '$', new Set(), {
        property: (path) =>
          out.responseProperties.push({
            name: `${id} ${code} ${path}`,
            covered: (exercise) => answered(exercise) && valuesAt(exercise.body, path).length > 0,
          }),
        enumValue: (path, value) =>
          out.enumValues.push({
            name: `${id} ${code} ${path} = ${JSON.stringify(value)}`,
            covered: (exercise) => answered(exercise) && valuesAt(exercise.body, path).some((seen) => seen === value),
          }),
      });
    }
  }
  // One element per name: a property reached twice (allOf branches, oneOf alternatives) counts once.
  for (const key of Object.keys(out) as (keyof Elements)[]) out[key] = uniqueByName(out[key]);
  return out;
}

function uniqueByName(elements: Element[]): Element[] {
  const seen = new Set<string>();
  return elements.filter((element) => !seen.has(element.name) && seen.add(element.name));
}

/** The response key a status answers to: itself, its range (`4XX`), else `default`. */
function statusKeyOf(status: number, codes: readonly string[]): string | undefined {
  const exact = String(status);
  if (codes.includes(exact)) return exact;
  const range = `${exact[0]}XX`;
  const found = codes.find((code) => code.toUpperCase() === range);
  if (found) return found;
  return codes.includes('default') ? 'default' : undefined;
}

interface Visitor {
  property: (path: string) => void;
  enumValue: (path: string, value: unknown) => void;
}

/** Every property and enum value a schema describes, by schema path (`$.sessions[].key`), `$ref`s followed once per branch. */
function walkSchema(spec: OpenApiDocument, node: unknown, path: string, refs: Set<string>, visit: Visitor): void {
  if (node === null || typeof node !== 'object') return;
  const ref = (node as Json).$ref;
  if (typeof ref === 'string') {
    if (refs.has(ref)) return; // a recursive schema: its properties were listed on the way in
    walkSchema(spec, deref(spec, node), path, new Set([...refs, ref]), visit);
    return;
  }
  const schema = node as Json;
  for (const value of (schema.enum ?? []) as unknown[]) visit.enumValue(path, value);
  for (const branch of [
    ...((schema.allOf ?? []) as unknown[]),
    ...((schema.oneOf ?? []) as unknown[]),
    ...((schema.anyOf ?? []) as unknown[]),
  ])
    walkSchema(spec, branch, path, refs, visit);
  for (const [key, property] of Object.entries((schema.properties ?? {}) as Json)) {
    const child = childPath(path, key);
    visit.property(child);
    walkSchema(spec, property, child, refs, visit);
  }
  if (schema.items) walkSchema(spec, schema.items, `${path}[]`, refs, visit);
}
