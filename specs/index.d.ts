// The folders that hold an openapi.yaml; `pnpm api:add` rewrites this line when it adds one.
export type Api = 'vectara' | 'verisoul';
export declare const apis: readonly Api[];
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically.
export type OpenApiDocument = any;
export declare function specPath(api: Api, root?: string): string;
export declare function loadSpec(api: Api, root?: string): OpenApiDocument;
export declare function resolveRef(document: OpenApiDocument, ref: string): OpenApiDocument;
export declare function deref(document: OpenApiDocument, node: OpenApiDocument): OpenApiDocument;
