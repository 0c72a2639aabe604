// The package's own declarations use extensionless relative re-exports, which NodeNext cannot follow,
// so its exports type as empty. This declares the part this app uses, from the package's README.
declare module '@pactflow/openapi-pact-comparator' {
  export interface ComparatorResult {
    code: string;
    type: 'error' | 'warning';
    message: string;
    mockDetails?: { interactionDescription?: string; interactionState?: string; location?: string; value?: unknown };
    specDetails?: { location?: string; pathMethod?: string; pathName?: string; value?: unknown };
  }
  export class Comparator {
    constructor(oas: unknown);
    compare(pact: unknown): AsyncGenerator<ComparatorResult>;
  }
}
