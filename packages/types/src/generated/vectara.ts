// Generated from specs/vectara/openapi.yaml by packages/types/scripts/generate.ts. Do not edit: run `pnpm generate`.

export interface paths {
    "/v2/agents/{agent_key}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agent sessions
         * @description Retrieve a paginated collection of conversational sessions associated with a specific AI agent. Pass `metadata.page_key` of a response as `page_key` to get the next page.
         */
        get: operations["listAgentSessions"];
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
        ListAgentSessionsResponse: {
            /** @description Session objects associated with the agent. */
            sessions: components["schemas"]["AgentSession"][];
            metadata: components["schemas"]["ListMetadata"];
        };
        /** @description A conversational session of an agent. Not on the page: the `required` list (every session in the page's example carries these), the `ase_` pattern of `id` and the `agt_` pattern of `agent_key` (the page's session and agent keys). */
        AgentSession: {
            /** @description Session key. */
            id: string;
            /** @description Key of the agent the session belongs to. */
            agent_key: string;
            /** @description Human-readable description of the session. */
            description?: string;
            /** @description Free-form metadata attached to the session. */
            metadata?: {
                [key: string]: unknown;
            };
            /** @description Whether the session is enabled. */
            enabled: boolean;
            /**
             * Format: date-time
             * @description When the session was created.
             */
            created_at: string;
        };
        /** @description Pagination metadata. */
        ListMetadata: {
            /** @description Token for the next page. Not on the page: that it is absent on the last page, which is how a client knows to stop. */
            page_key?: string;
            /** @description Total number of sessions matching the request. */
            total_count?: number;
        };
        /** @description Not on the page: the body's shape. The page's error table gives an error code and a description for each status; this schema carries them as `code` and `message`, with an optional `request_id`. */
        Error: {
            /**
             * @description Error code from the page's error table.
             * @enum {string}
             */
            code: "invalid_request" | "unauthorized" | "forbidden" | "agent_not_found" | "rate_limit_exceeded";
            /** @description Human-readable description of the error. */
            message: string;
            /** @description ID of the request, for support. */
            request_id?: string;
        };
    };
    responses: {
        /** @description Invalid query parameters or malformed request. */
        InvalidRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Invalid or missing API key. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Insufficient permissions for accessing sessions for this agent. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Agent with the specified `agent_key` does not exist. */
        AgentNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Request rate limit exceeded. */
        RateLimitExceeded: {
            headers: {
                /** @description Not on the page: seconds to wait before retrying, the standard header for a 429; optional, and the client honours it when present. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAgentSessions: {
        parameters: {
            query?: {
                /**
                 * @description Maximum number of sessions to return. Not on the page: `minimum: 1`.
                 * @example 25
                 */
                limit?: number;
                /** @description Pagination token for retrieving subsequent pages of results. */
                page_key?: string;
                /**
                 * @description Filter sessions by their enabled status.
                 * @example true
                 */
                enabled?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description Agent identifier. The page gives the pattern `agt_[0-9a-zA-Z_-]+$`; not on the page: the leading `^` anchor, which a key that starts with `agt_` implies.
                 * @example agt_customer_support
                 */
                agent_key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent's sessions and the pagination metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAgentSessionsResponse"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AgentNotFound"];
            429: components["responses"]["RateLimitExceeded"];
        };
    };
}

/** The servers the spec declares, in its order. */
export const servers = [
  {
    "url": "https://api.vectara.io",
    "description": "Production"
  }
] as const;

/** Parameter constraints of each operation, read from the spec: the client validates input by these. */
export const parameterRules = {
  "listAgentSessions": {
    "agent_key": {
      "in": "path",
      "required": true,
      "type": "string",
      "pattern": "^agt_[0-9a-zA-Z_-]+$"
    },
    "limit": {
      "in": "query",
      "required": false,
      "type": "integer",
      "minimum": 1,
      "maximum": 100
    },
    "page_key": {
      "in": "query",
      "required": false,
      "type": "string"
    },
    "enabled": {
      "in": "query",
      "required": false,
      "type": "boolean"
    }
  }
} as const;
