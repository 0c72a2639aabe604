// The package's own declarations use extensionless relative re-exports, which NodeNext cannot follow, so its
// exports type as empty. This declares the part the blast radius uses, from the package's README.
declare module '@pactflow/openapi-pact-comparator' {
  export interface ComparatorResult {
    code: string;
    type: 'error' | 'warning';
    message: string;
    mockDetails?: { interactionDescription?: string; location?: string };
  }
  export class Comparator {
    constructor(oas: unknown);
    compare(pact: unknown): AsyncGenerator<ComparatorResult>;
  }
}
