// Generated from specs/verisoul/openapi.yaml by packages/types/scripts/generate.ts. Do not edit: run `pnpm generate`.

export interface paths {
    "/account/{account_id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get account sessions
         * @description Returns all sessions associated with a specific account
         */
        get: operations["getAccountSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Not on the page: the `required` list; the page's example carries both fields. */
        SessionsResponse: {
            /** @description The ID of the request */
            request_id: string;
            /** @description List of session IDs associated with the account */
            sessions: string[];
        };
        /** @description Not on the page: the `required` list; the page's example carries both fields. */
        AccountError: {
            /** @description Error message */
            message: string;
            /** @description Status code */
            statusCode: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAccountSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the account to retrieve sessions for. Not on the page: `minLength: 1`, which a required path parameter implies. */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Account sessions response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionsResponse"];
                };
            };
            /** @description Account not found */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "Account not found"
                     *     }
                     */
                    "application/json": components["schemas"]["AccountError"];
                };
            };
        };
    };
}

/** The servers the spec declares, in its order. */
export const servers = [
  {
    "url": "https://api.sandbox.verisoul.ai",
    "description": "Sandbox"
  },
  {
    "url": "https://api.prod.verisoul.ai",
    "description": "Production"
  }
] as const;

/** The security schemes the spec declares: how a request proves who sends it. */
export const securitySchemes = {
  "apiKeyAuth": {
    "type": "apiKey",
    "in": "header",
    "name": "x-api-key"
  }
} as const;

/** Parameter constraints of each operation, read from the spec: the client validates input by these. */
export const parameterRules = {
  "getAccountSessions": {
    "account_id": {
      "in": "path",
      "required": true,
      "type": "string",
      "minLength": 1
    }
  }
} as const;
