/** The provider descriptor `pnpm api:add` writes for a new API: what derives from the spec, and the live set-ups left to write. */
import type { CopyResult } from './copy-operation.js';

const pascal = (api: string) =>
  api
    .split('-')
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');

export interface DescriptorInput {
  api: string;
  /** Where the definition came from: a URL becomes the descriptor's `definition.url`. */
  definitionUrl: string;
  result: Extract<CopyResult, { outcome: 'copied' }>;
}

export function descriptorSource({ api, definitionUrl, result }: DescriptorInput): string {
  const file = `apps/contract-tests/src/providers/${api}.ts`;
  const camel = pascal(api).replace(/^./, (first) => first.toLowerCase());
  const variable = `${api.toUpperCase().replaceAll('-', '_')}_DEFINITION`;
  const url = /^https?:\/\//i.test(definitionUrl) ? definitionUrl : `(a file: ${definitionUrl}; set the published URL here)`;
  const states = result.statuses
    .filter((status) => /^[1-5][0-9][0-9]$/.test(status))
    .map((status) => {
      const state = `${result.operationId} answers ${status}`;
      return `    ${JSON.stringify(state)}: { prefer: 'code=${status}', live: notYetWrittenState(file, ${JSON.stringify(state)}) },`;
    });
  return [
    `import { servers } from '@api-contracts/types/${api}';`,
    "import { notYetWrittenAccessCheck, notYetWrittenState } from '../api-add/not-yet-written.js';",
    "import { liveVariablesOf } from '../live-variables.mjs';",
    "import { defineProvider } from './provider.js';",
    '',
    `const file = ${JSON.stringify(file)};`,
    '',
    `/** Written by pnpm api:add: ${result.method.toUpperCase()} ${result.path} (${result.operationId}). The live set-ups are yours to write. */`,
    `export const ${camel} = defineProvider({`,
    `  api: ${JSON.stringify(api)},`,
    `  name: ${JSON.stringify(`${api}-api`)},`,
    '  servers,',
    `  definition: { url: ${JSON.stringify(url)}, variable: ${JSON.stringify(variable)} },`,
    `  variables: liveVariablesOf[${JSON.stringify(api)}],`,
    '  accessCheck: notYetWrittenAccessCheck(file),',
    '  examples: {},',
    "  // One state per status the operation documents; the mock answers each with Prism's `Prefer: code=`.",
    '  states: {',
    ...states,
    '  },',
    '});',
    '',
    `export default ${camel};`,
    '',
  ].join('\n');
}
