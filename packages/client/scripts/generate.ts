/**
 * Generates src/generated/<api>.ts from specs/<api>/openapi.yaml: the client of one API.
 *   - one method per operation, named by its `operationId`: path parameters positional, in path order, then one
 *     options object with the query and header parameters in camelCase and `signal`, typed from
 *     @api-contracts/types' `operations`; the spec's parameter rules checked before the wire (`parameterRules`);
 *   - an `iterate...` helper per operation whose `x-paging` says how its pages chain (cursor parameter, where a
 *     page holds the next cursor, where it holds its items): what OpenAPI itself cannot say;
 *   - `create<Api>Client`: the one transport (src/transport.ts) with what the spec says about reaching the API:
 *     its servers (an `environment` per server when there are several), its `security` (API key header, OAuth2
 *     client-credentials token URL) and the header marked `x-client-timeout` that carries the client's timeout.
 *
 * Besides, what derives from the list of specs (entry-points.ts): src/index.ts, a missing API's entry point, `exports`.
 *
 * `node --import tsx/esm scripts/generate.ts` (`pnpm generate`) writes the files; `--check` writes nothing and exits 1 with a diff when the committed
 * files differ from a fresh generation. `--specs DIR` reads the specs from DIR.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Api, apis, deref, loadSpec, type OpenApiDocument } from '@api-contracts/specs';
import { createTwoFilesPatch } from 'diff';
import { derivedFiles } from './entry-points.js';

const generatedDir = fileURLToPath(new URL('../src/generated/', import.meta.url));

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: OpenApiDocument;
  'x-client-timeout'?: boolean;
}

interface Paging {
  /** The query parameter that takes the next page's cursor. */
  cursor: string;
  /** Dotted path, in a page, of the next page's cursor. */
  next: string;
  /** Dotted path, in a page, of the array of items. */
  items: string;
  /** The query parameter that sets the page size, if any. */
  limit?: string;
}

interface Operation {
  id: string;
  method: (typeof methods)[number];
  path: string;
  summary?: string;
  parameters: Parameter[];
  paging?: Paging;
  /** The 2xx JSON schema, `$ref`s left in place. */
  success?: OpenApiDocument;
}

/** A failure of the generator: the spec asks for something it cannot generate. */
class GenerateError extends Error {}

const camelCase = (name: string) =>
  name
    .split(/[^0-9A-Za-z]+/)
    .filter(Boolean)
    .map((word, index) => (index === 0 ? word[0]?.toLowerCase() + word.slice(1) : word[0]?.toUpperCase() + word.slice(1)))
    .join('');
const pascalCase = (name: string) => {
  const camel = camelCase(name);
  return camel[0]?.toUpperCase() + camel.slice(1);
};
const isIdentifier = (name: string) => /^[A-Za-z_$][\w$]*$/.test(name);
const property = (name: string) => (isIdentifier(name) ? name : JSON.stringify(name));
const access = (name: string) => (isIdentifier(name) ? `.${name}` : `[${JSON.stringify(name)}]`);
/** Text for a `/** ... *\/` comment: one line, no comment terminator. */
const doc = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').replaceAll('*/', '*\\/').trim();

function operationsOf(spec: OpenApiDocument): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries<OpenApiDocument>(spec.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!operation.operationId) throw new GenerateError(`${where} has no operationId: every operation's method is named by it`);
      if (operation.requestBody) throw new GenerateError(`${operation.operationId}: request bodies are not generated yet`);
      // Path-level parameters first, overridden by the operation's own of the same name and location.
      const byKey = new Map<string, Parameter>();
      for (const parameterOrRef of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter: Parameter = deref(spec, parameterOrRef);
        if (parameter.in === 'cookie')
          throw new GenerateError(`${operation.operationId}: cookie parameter ${parameter.name} is not supported`);
        byKey.set(`${parameter.in} ${parameter.name}`, parameter);
      }
      const parameters = [...byKey.values()];
      const pathOrder = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
      if (pathParameters.length !== pathOrder.length || pathParameters.some((parameter) => !pathOrder.includes(parameter.name))) {
        throw new GenerateError(`${operation.operationId}: path parameters must match the template ${path}`);
      }
      pathParameters.sort((a, b) => pathOrder.indexOf(a.name) - pathOrder.indexOf(b.name));
      // The paging parameters (page size, then cursor) lead the query, as a paged request reads: the rest in spec order.
      const paging: Paging | undefined = operation['x-paging'];
      const pagingRank = (parameter: Parameter) =>
        parameter.in !== 'query' ? 2 : parameter.name === paging?.limit ? 0 : parameter.name === paging?.cursor ? 1 : 2;
      const rest = parameters.filter((parameter) => parameter.in !== 'path').sort((a, b) => pagingRank(a) - pagingRank(b));
      const success = Object.entries<OpenApiDocument>(operation.responses ?? {})
        .filter(([status]) => /^2/.test(status))
        .map(([, response]) => deref(spec, response)?.content?.['application/json']?.schema)
        .find((schema) => schema !== undefined);
      found.push({
        id: operation.operationId,
        method,
        path,
        summary: operation.summary,
        parameters: [...pathParameters, ...rest],
        paging,
        success,
      });
    }
  }
  return found;
}

/** The schema at a dotted path of properties below `schema`, `$ref`s followed. */
function schemaAt(spec: OpenApiDocument, schema: OpenApiDocument, path: string): OpenApiDocument {
  return path.split('.').reduce((node, name) => deref(spec, deref(spec, node)?.properties?.[name]), schema);
}

function checkPaging(spec: OpenApiDocument, operation: Operation, paging: Paging): void {
  const where = `${operation.id}: x-paging`;
  for (const key of ['cursor', 'next', 'items'] as const) {
    if (typeof paging[key] !== 'string' || paging[key] === '') throw new GenerateError(`${where}.${key} must name a parameter or property`);
  }
  if (!operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === paging.cursor)) {
    throw new GenerateError(`${where}.cursor: ${paging.cursor} is not a query parameter of the operation`);
  }
  if (
    paging.limit !== undefined &&
    !operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === paging.limit)
  ) {
    throw new GenerateError(`${where}.limit: ${paging.limit} is not a query parameter of the operation`);
  }
  if (!operation.success) throw new GenerateError(`${where}: the operation has no 2xx JSON response to page through`);
  if (schemaAt(spec, operation.success, paging.items)?.type !== 'array') {
    throw new GenerateError(`${where}.items: ${paging.items} is not an array of the 2xx response`);
  }
  if (schemaAt(spec, operation.success, paging.next)?.type !== 'string') {
    throw new GenerateError(`${where}.next: ${paging.next} is not a string of the 2xx response`);
  }
}

/** What the spec's `security` lets a client use: the API key header and, if offered, OAuth2 client credentials. */
function securityOf(spec: OpenApiDocument): { apiKeyScheme: string; oauthScheme?: string } {
  const schemes = spec.components?.securitySchemes ?? {};
  const names = [...new Set((spec.security ?? []).flatMap((requirement: Record<string, unknown>) => Object.keys(requirement)))];
  let apiKeyScheme: string | undefined;
  let oauthScheme: string | undefined;
  for (const name of names as string[]) {
    const scheme = deref(spec, schemes[name]);
    if (scheme?.type === 'apiKey' && scheme.in === 'header' && apiKeyScheme === undefined) apiKeyScheme = name;
    else if (scheme?.type === 'oauth2' && scheme.flows?.clientCredentials?.tokenUrl && oauthScheme === undefined) oauthScheme = name;
    else
      throw new GenerateError(
        `security scheme ${name} (${scheme?.type}) is not supported: an API key header and OAuth2 client credentials are`,
      );
  }
  if (apiKeyScheme === undefined) throw new GenerateError('the spec offers no API key in a header: the client needs one');
  return { apiKeyScheme, oauthScheme };
}

/** The one header, across the spec, marked `x-client-timeout`: the transport fills it with its own timeout. */
function timeoutHeaderOf(operations: Operation[]): string | undefined {
  const names = new Set(operations.flatMap(({ parameters }) => parameters.filter((p) => p['x-client-timeout']).map((p) => p.name)));
  if (names.size > 1) throw new GenerateError(`x-client-timeout marks ${[...names].join(', ')}: one header carries the client's timeout`);
  const [name] = names;
  const parameter = operations.flatMap(({ parameters }) => parameters).find((p) => p.name === name);
  if (parameter && parameter.in !== 'header') throw new GenerateError(`x-client-timeout marks ${name}, which is not a header`);
  return name;
}

/** Environment name (the server's description, camel-cased) to server index, when the spec has several servers. */
function environmentsOf(spec: OpenApiDocument): [string, number][] {
  const servers: { description?: string }[] = spec.servers ?? [];
  if (servers.length === 0) throw new GenerateError('the spec declares no server');
  if (servers.length === 1) return [];
  const environments = servers.map(({ description }, index): [string, number] => {
    const name = camelCase(description ?? '');
    if (!name) throw new GenerateError(`server ${index} has no description: with several servers, each names an environment`);
    return [name, index];
  });
  if (new Set(environments.map(([name]) => name)).size !== environments.length) throw new GenerateError('two servers share a description');
  return environments;
}

/** The module source of one API's client. */
export function clientModule(api: Api, spec: OpenApiDocument): string {
  const Api = pascalCase(api);
  const operations = operationsOf(spec);
  const { apiKeyScheme, oauthScheme } = securityOf(spec);
  const timeoutHeader = timeoutHeaderOf(operations);
  const environments = environmentsOf(spec);
  const paged = operations.filter((operation) => operation.paging !== undefined);
  for (const operation of paged) checkPaging(spec, operation, operation.paging as Paging);

  const names = new Map<string, string>();
  const claim = (name: string, owner: string) => {
    const holder = names.get(name);
    if (holder !== undefined && holder !== owner) throw new GenerateError(`${owner} and ${holder} would both be named ${name}`);
    names.set(name, owner);
  };

  const lines: string[] = [
    `// Generated from specs/${api}/openapi.yaml by packages/client/scripts/generate.ts. Do not edit: run \`pnpm generate\`.`,
    `import type { operations, paths } from '@api-contracts/types/${api}';`,
    `import { parameterRules, securitySchemes, servers } from '@api-contracts/types/${api}';`,
    `import type { responseValidators } from '@api-contracts/types/${api}/validators';`,
    "import type { Client } from 'openapi-fetch';",
    `import type { ApiKeyCredentials${oauthScheme ? ', OAuthCredentials' : ''} } from '../credentials.js';`,
    "import type { ResponseValidation } from '../drift.js';",
    ...(environments.length > 0 ? ["import { ValidationError } from '../errors.js';"] : []),
    "import { checkParameters } from '../input.js';",
    ...(oauthScheme ? ["import { oauthAuthenticator } from '../oauth.js';"] : []),
    `import type { ParametersIn, ${environments.length > 0 ? 'ServerChoice, ' : ''}SuccessBody } from '../operation-types.js';`,
    ...(paged.length > 0 ? ["import { iteratePages } from '../paging.js';"] : []),
    "import { createTransport, type TransportOptions, type TransportSpec } from '../transport.js';",
    '',
  ];

  // How to reach and authenticate the API.
  lines.push(
    `/** What the spec says about reaching the API: its ${environments.length > 0 ? 'servers' : 'server'}, its security, ${timeoutHeader ? 'its timeout header' : 'no timeout header'}. */`,
    'const transportSpec = {',
    `  baseUrl: servers[0].url,`,
    `  apiKeyHeader: securitySchemes${access(apiKeyScheme)}.name,`,
    ...(oauthScheme
      ? [
          `  oauth: { tokenUrl: securitySchemes${access(oauthScheme)}.flows.clientCredentials.tokenUrl, authenticator: oauthAuthenticator },`,
        ]
      : []),
    ...(timeoutHeader ? [`  timeoutHeader: ${JSON.stringify(timeoutHeader)},`] : []),
    '} satisfies TransportSpec;',
    '',
  );
  if (environments.length > 0) {
    lines.push(
      `/** Which of the spec's servers a client calls: each server's description, camel-cased. */`,
      `export type ${Api}Environment = ${environments.map(([name]) => `'${name}'`).join(' | ')};`,
      '',
      // Typed, not inferred: the declarations are emitted file by file (isolatedDeclarations, see tsdown.config.ts).
      "/** The spec's servers by environment. */",
      `const serverByEnvironment: Record<${Api}Environment, string> = {`,
      ...environments.map(([name, index]) => `  ${property(name)}: servers[${index}].url,`),
      '};',
      '',
    );
  }
  const credentials = oauthScheme ? ['ApiKeyCredentials', 'OAuthCredentials'] : ["Omit<ApiKeyCredentials, 'oauth'>"];
  lines.push(
    `/** How a client proves who it is, as the spec's \`security\` allows${oauthScheme ? ': exactly one of `apiKey` and `oauth`' : ': an API key'}. */`,
    `export type ${Api}Credentials = ${credentials.join(' | ')};`,
    '',
    `type OptionsWith<Credentials> = TransportOptions &`,
    '  Credentials &',
    `  ResponseValidation<typeof responseValidators>${environments.length > 0 ? ` &\n  ServerChoice<${Api}Environment>` : ''};`,
    '',
    `/** Transport options, credentials, ${environments.length > 0 ? 'an `environment` unless `baseUrl` is given, ' : ''}and the opt-in check of responses against the spec. */`,
    `export type ${Api}ClientOptions = OptionsWith<${Api}Credentials>;`,
    '',
  );

  // Each operation's options, and the client's interface.
  const members: string[] = [];
  const bodies: string[] = [];
  for (const operation of operations) {
    const Operation = `operations[${JSON.stringify(operation.id)}]`;
    const OptionsName = `${pascalCase(operation.id)}Options`;
    claim(operation.id, operation.id);
    claim(OptionsName, operation.id);
    const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
    const optional = operation.parameters.filter((parameter) => parameter.in !== 'path' && !parameter['x-client-timeout']);
    const required = optional.filter((parameter) => parameter.required);
    const optionNames = new Map<Parameter, string>();
    for (const parameter of [...pathParameters, ...optional]) {
      const name = camelCase(parameter.name);
      if (!isIdentifier(name) || name === 'signal' || [...optionNames.values()].includes(name)) {
        throw new GenerateError(`${operation.id}: parameter ${parameter.name} cannot be named ${name}`);
      }
      optionNames.set(parameter, name);
    }
    lines.push(`/** Query and header parameters of \`${operation.id}\`, camel-cased, and the caller's \`signal\`. */`);
    lines.push(`export interface ${OptionsName} {`);
    for (const parameter of optional) {
      if (parameter.description) lines.push(`  /** ${doc(parameter.description)} */`);
      lines.push(
        `  ${optionNames.get(parameter)}${parameter.required ? '' : '?'}: ParametersIn<${Operation}, '${parameter.in}'>[${JSON.stringify(parameter.name)}];`,
      );
    }
    lines.push('  signal?: AbortSignal;', '}', '');

    const positional = pathParameters.map(
      (parameter) => `${optionNames.get(parameter)}: ParametersIn<${Operation}, 'path'>[${JSON.stringify(parameter.name)}]`,
    );
    const optionsParameter = `options${required.length > 0 ? '' : '?'}: ${OptionsName}`;
    const Result = `SuccessBody<${Operation}>`;
    members.push(
      `  /** ${doc(operation.summary) || operation.id}: \`${operation.method.toUpperCase()} ${operation.path}\`. */`,
      `  ${operation.id}(${[...positional, optionsParameter].join(', ')}): Promise<${Result}>;`,
    );

    const destructured = [...optional.map((parameter) => optionNames.get(parameter)), 'signal'].join(', ');
    const group = (location: string) => {
      const entries = operation.parameters
        .filter((parameter) => parameter.in === location && !parameter['x-client-timeout'])
        .map((parameter) => {
          const name = optionNames.get(parameter) as string;
          return property(parameter.name) === name ? name : `${property(parameter.name)}: ${name}`;
        });
      return entries.length > 0 ? `{ ${entries.join(', ')} }` : undefined;
    };
    const groups = (['path', 'query', 'header'] as const).flatMap((location) => {
      const value = group(location);
      return value === undefined ? [] : [[location, value] as const];
    });
    bodies.push(
      `  async function ${operation.id}(${[...positional, `{ ${destructured} }: ${OptionsName}${required.length > 0 ? '' : ' = {}'}`].join(', ')}) {`,
      ...groups.map(([location, value]) => `    const ${location} = ${value};`),
      `    checkParameters(parameterRules${access(operation.id)}, { ${groups.map(([location]) => `...${location}`).join(', ')} });`,
      `    return call<${Result}>(${JSON.stringify(operation.id)}, signal, (fetch) =>`,
      `      raw.${operation.method.toUpperCase()}(${JSON.stringify(operation.path)}, { params: { ${groups.map(([location]) => location).join(', ')} }, parseAs: 'stream', signal, fetch }),`,
      '    );',
      '  }',
      '',
    );

    if (operation.paging) {
      const { cursor, next, items } = operation.paging;
      const iterateName = operation.id.replace(/^[a-z]+/, 'iterate');
      const IterateOptions = `${pascalCase(iterateName)}Options`;
      claim(iterateName, `${operation.id}'s paging`);
      claim(IterateOptions, `${operation.id}'s paging`);
      const cursorOption = [...optionNames].find(([parameter]) => parameter.in === 'query' && parameter.name === cursor)?.[1] as string;
      const itemsPath = items.split('.');
      const Item = `NonNullable<${Result}${itemsPath.map((name) => `[${JSON.stringify(name)}]`).join('')}>[number]`;
      const pathExpression = (path: string) =>
        `page${path
          .split('.')
          .map((name, index) => (index === 0 ? access(name) : `?.${isIdentifier(name) ? name : `[${JSON.stringify(name)}]`}`))
          .join('')}`;
      lines.push(`/** \`${operation.id}\`'s options but the cursor, which \`${iterateName}\` fills page after page. */`);
      lines.push(`export type ${IterateOptions} = Omit<${OptionsName}, '${cursorOption}'>;`, '');
      const pathNames = pathParameters.map((parameter) => optionNames.get(parameter));
      members.push(
        `  /** Every item of \`${operation.id}\`, page after page (\`${cursor}\` from \`${next}\`), until a page carries no \`${next.split('.').at(-1)}\`. */`,
        `  ${iterateName}(${[...positional, `options?: ${IterateOptions}`].join(', ')}): AsyncGenerator<${Item}, void, undefined>;`,
      );
      bodies.push(
        `  function ${iterateName}(${[...positional, `options: ${IterateOptions} = {}`].join(', ')}) {`,
        '    return iteratePages(',
        `      (cursor) => ${operation.id}(${[...pathNames, `{ ...options, ...(cursor !== undefined && { ${cursorOption}: cursor }) }`].join(', ')}),`,
        `      (page) => ${pathExpression(items)},`,
        `      (page) => ${pathExpression(next)},`,
        '    );',
        '  }',
        '',
      );
    }
  }

  lines.push(
    `/** One method per operation of specs/${api}/openapi.yaml, named by its operationId. */`,
    `export interface ${Api}Client {`,
    ...members,
    '  /** The underlying openapi-fetch client (credentials, timeout and retries included) for anything else. */',
    '  raw: Client<paths>;',
    '}',
    '',
  );

  // The factory: overloads name every kind of credentials the spec offers, so a call without any says all of them.
  const overloads = oauthScheme
    ? [
        `export function create${Api}Client(options: OptionsWith<ApiKeyCredentials>): ${Api}Client;`,
        `export function create${Api}Client(options: OptionsWith<OAuthCredentials>): ${Api}Client;`,
        `export function create${Api}Client(options: ${Api}ClientOptions): ${Api}Client;`,
      ]
    : [];
  lines.push(
    `/** A client of every operation of specs/${api}/openapi.yaml${oauthScheme ? ', with an API key or OAuth client credentials' : ''}. */`,
    ...overloads,
    `export function create${Api}Client(options: ${Api}ClientOptions): ${Api}Client {`,
  );
  if (environments.length > 0) {
    const choices = environments.map(([name]) => JSON.stringify(name)).join(' or ');
    lines.push(
      '  const environment: string | undefined = options?.environment;',
      '  const server = environment !== undefined && Object.hasOwn(serverByEnvironment, environment) ? serverByEnvironment[environment as ' +
        `${Api}Environment] : undefined;`,
      "  const { raw, call } = createTransport<paths>(options, { ...transportSpec, baseUrl: server ?? '' });",
      '  if (server === undefined && (environment !== undefined || options.baseUrl === undefined)) {',
      '    throw new ValidationError(',
      "      'environment',",
      "      environment === undefined ? 'required' : 'oneOf',",
      `      \`must be ${choices} unless baseUrl is given, got \${JSON.stringify(environment)}\`,`,
      '    );',
      '  }',
      '',
    );
  } else {
    lines.push('  const { raw, call } = createTransport<paths>(options, transportSpec);', '');
  }
  lines.push(...bodies);
  const returned = [
    ...operations.flatMap((operation) => (operation.paging ? [operation.id, operation.id.replace(/^[a-z]+/, 'iterate')] : [operation.id])),
    'raw',
  ];
  lines.push(`  return { ${returned.join(', ')} };`, '}', '');
  return lines.join('\n');
}

/** The generated files, by absolute path, without touching the disk. `specsRoot` holds `<api>/openapi.yaml`. */
export function generate(specsRoot?: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const api of apis) {
    try {
      files.set(join(generatedDir, `${api}.ts`), clientModule(api, loadSpec(api, specsRoot)));
    } catch (error) {
      if (error instanceof GenerateError) throw new GenerateError(`specs/${api}/openapi.yaml: ${error.message}`);
      throw error;
    }
  }
  for (const [file, content] of derivedFiles(apis)) files.set(file, content);
  return files;
}

/** Files whose committed content differs from a fresh generation, with a line diff of each. */
export async function staleFiles(specsRoot?: string): Promise<{ file: string; diff: string }[]> {
  const stale = [];
  for (const [file, fresh] of generate(specsRoot)) {
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (committed !== fresh) stale.push({ file, diff: createTwoFilesPatch(`${file} (committed)`, `${file} (fresh)`, committed, fresh) });
  }
  return stale;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, specs: { type: 'string' } } });
  try {
    if (values.check) {
      const stale = await staleFiles(values.specs);
      for (const { file, diff } of stale) console.error(`stale: ${file}\n${diff}\n`);
      if (stale.length > 0) {
        console.error('The generated client lags the specs: run `pnpm generate` and commit the result.');
        process.exit(1);
      }
      console.log('generated client matches the specs');
    } else {
      for (const [file, content] of generate(values.specs)) {
        await writeFile(file, content);
        console.log(`wrote ${file}`);
      }
    }
  } catch (error) {
    // A spec the generator cannot take is "could not run", not drift.
    if (!(error instanceof GenerateError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
