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
         * @description List all agent sessions for the specified agent, with optional filtering and pagination. Pass `metadata.page_key` of a response as `page_key` to get the next page; the last page carries no `page_key`.
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
    "/v2/agents/{agent_key}/sessions/{session_key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get agent session
         * @description Retrieve the full details of a specific agent session using its unique session key. The response includes the session's configuration, metadata, timestamps, and other stored properties. Use this endpoint to inspect the current state of a session or verify its configuration.
         */
        get: operations["getAgentSession"];
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
        /**
         * @description A unique key that identifies an agent. Not in the provider's definition: the leading `^` anchor; the provider's pattern `[0-9a-zA-Z_-]+$` is unanchored and so accepts `a/b`, which would change the request's path.
         * @example customer_support
         */
        AgentKey: string;
        /**
         * @description A unique key that identifies an agent session. Not in the provider's definition: the leading `^` anchor, as for `AgentKey`.
         * @example customer_support_chat
         */
        AgentSessionKey: string;
        /** @description Response containing a list of agent sessions. */
        ListAgentSessionsResponse: {
            /** @description List of agent sessions. */
            sessions: components["schemas"]["AgentSession"][];
            metadata: components["schemas"]["ListMetadata"];
        };
        /** @description A session for interacting with an agent, allowing conversation context. */
        AgentSession: {
            key: components["schemas"]["AgentSessionKey"];
            agent_key: components["schemas"]["AgentKey"];
            /**
             * @description Human-readable name for the session.
             * @example Customer Support Session
             */
            name: string;
            /**
             * @description A short description of the session's purpose. If omitted at creation, one is auto-generated once the agent has produced events; an empty string means auto-generation is disabled for this session.
             * @example Helping customer troubleshoot widget installation issues
             */
            description?: string;
            /**
             * @description Arbitrary metadata associated with the session. Not in the provider's definition: `additionalProperties: {}` instead of `true` (the same in JSON Schema), because PactFlow's comparator reads `true` as a closed object.
             * @example {
             *       "customer_id": "12345",
             *       "priority": "high",
             *       "channel": "web_chat"
             *     }
             */
            metadata?: {
                [key: string]: unknown;
            };
            /**
             * @description The step name the session will resume at on the next user message. If null, the session starts at the agent's first_step.
             * @example billing
             */
            current_step_name?: string | null;
            /**
             * @description Whether the session is currently active and can accept new messages.
             * @default true
             * @example true
             */
            enabled: boolean;
            /**
             * @description Lifecycle status of the session: `unstarted` before any event has been submitted, `running` while the agent is producing events, `stopped` when the session is idle with no event in flight.
             * @example stopped
             * @enum {string}
             */
            readonly status?: "unstarted" | "running" | "stopped";
            /**
             * @description Key of the agent that created this session via the sub-agent tool. Null if the session was not created by a sub-agent invocation. Read-only. Not in the provider's definition: `nullable: true`; its words say null, its schema (`AgentKey`) does not allow it, so a real null would be reported as drift. Otherwise `AgentKey` (the same pattern and length).
             * @example customer_support
             */
            readonly created_by_agent_key?: string | null;
            /**
             * @description Key of the parent session that created this session via the sub-agent tool. Only set together with `created_by_agent_key`, so null when that is null. Read-only. Not in the provider's definition: `nullable: true`, for the same reason as `created_by_agent_key`. Otherwise `AgentSessionKey` (the same pattern and length).
             * @example customer_support_chat
             */
            readonly created_by_session_key?: string | null;
            /**
             * Format: int64
             * @description Time-to-idle in minutes: a session without events for this long is deleted. If not specified, the session does not expire.
             * @default 0
             * @example 60
             */
            tti_minutes: number;
            /**
             * Format: date-time
             * @description Timestamp when the session was created.
             * @example 2024-01-15T10:30:00Z
             */
            created_at: string;
            session_context_usage?: components["schemas"]["SessionContextUsage"];
            effective_compaction?: components["schemas"]["CompactionConfig"];
            /**
             * @description If this session was created through an agent alias, the alias key the caller used; null when the session was created directly under an agent.
             * @example support
             */
            alias_key?: string | null;
            /**
             * @description Session-scoped secrets, with values masked as `"****"`. Plaintext is never returned on read.
             * @example {
             *       "slack_user_token": "****"
             *     }
             */
            secrets?: {
                [key: string]: string;
            };
        };
        /**
         * SessionContextUsage
         * @description Token usage of the session's most recent agent call, reflecting current context window consumption. Not a running total across calls.
         */
        SessionContextUsage: {
            input_tokens?: components["schemas"]["InputTokens"];
            output_tokens?: components["schemas"]["OutputTokens"];
            /**
             * Format: int64
             * @description Input plus output tokens of the most recent agent call.
             * @example 150
             */
            total_tokens?: number;
            /**
             * Format: int64
             * @description Maximum context window size in tokens for the model used by this session.
             * @example 200000
             */
            model_context_window?: number;
        };
        /**
         * InputTokens
         * @description Input token usage details.
         */
        InputTokens: {
            /**
             * Format: int64
             * @description Number of input tokens consumed by the most recent agent call, including cached tokens.
             * @example 120
             */
            count?: number;
            /**
             * Format: int64
             * @description Subset of count served from the prompt cache; omitted when none were.
             * @example 100
             */
            cached_tokens?: number;
        };
        /**
         * OutputTokens
         * @description Output token usage details.
         */
        OutputTokens: {
            /**
             * Format: int64
             * @description Number of output tokens generated by the most recent agent call.
             * @example 30
             */
            count?: number;
            /**
             * Format: int64
             * @description Number of tokens used for reasoning/thinking.
             * @example 0
             */
            reasoning_tokens?: number;
        };
        /**
         * CompactionConfig
         * @description The compaction configuration snapshotted when the session was created.
         */
        CompactionConfig: {
            /**
             * @description Enable automatic context compaction.
             * @default true
             * @example true
             */
            enabled: boolean;
            /**
             * @description Context usage % (50-95) at which compaction is applied.
             * @default 80
             * @example 80
             */
            threshold_percent: number;
            /**
             * @description Number of recent turns to keep verbatim (not compacted).
             * @default 1
             * @example 1
             */
            keep_recent_inputs: number;
            /** @description Custom additional instructions for the compaction summarization prompt. */
            compaction_message?: string;
            /**
             * @description How tool events are included in the compaction input.
             * @default include_outputs
             * @enum {string}
             */
            tool_event_policy: "exclude" | "include_outputs" | "include_all";
        };
        /**
         * @description The standard metadata in the response of a list operation.
         * @example {
         *       "page_key": "eyJvZmZzZXQiOjF9"
         *     }
         */
        ListMetadata: {
            /** @description When requesting the next page of this list, this is needed as a query parameter. Absent on the last page, which is how a client knows to stop. */
            page_key?: string;
        };
        /** @description A general error response with an error code and message. */
        Error: {
            /** @description The messages describing why the error occurred. */
            messages?: string[];
            /** @description The ID of the request that can be used to help Vectara support debug what went wrong. */
            request_id?: string;
        };
        /** @description Error returned when a requested resource does not exist. */
        NotFoundError: {
            /** @description The ID cannot be found. */
            id?: string;
            messages?: string[];
            /** @description The ID of the request that can be used to help Vectara support debug what went wrong. */
            request_id?: string;
        };
        /** @description Error returned when a request contains invalid parameters or violates schema validation. */
        BadRequestError: {
            /** @description The errors that relate to specific fields in the request. */
            field_errors?: {
                [key: string]: string;
            };
            messages?: string[];
            /** @description The ID of the request that can be used to help Vectara support debug what went wrong. */
            request_id?: string;
        };
    };
    responses: {
        /** @description Invalid query parameters or malformed request (the page's `invalid_request`). Not in the provider's definition for this operation (any HTTP API answers it): the body is the definition's own `BadRequestError`. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BadRequestError"];
            };
        };
        /** @description Invalid or missing API key or token (the page's `unauthorized`). Not in the provider's definition for this operation (any HTTP API answers it): the body is the definition's `Error`. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Permissions do not allow listing agent sessions (the page's `forbidden`). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Agent not found (the page's `agent_not_found`). */
        AgentNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["NotFoundError"];
            };
        };
        /** @description Request rate limit exceeded (the page's `rate_limit_exceeded`). Not in the provider's definition for this operation (any HTTP API answers it): the body is the definition's `Error`. */
        RateLimitExceeded: {
            headers: {
                /** @description Not in the provider's definition: seconds to wait before retrying, the standard header for a 429; optional, and the client honours it when present. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description The API will make a best effort to complete the request in the specified seconds or time out. */
        RequestTimeout: number;
        /** @description The API will make a best effort to complete the request in the specified milliseconds or time out. The client sends its own timeout here, so the provider can stop work the client gave up on. */
        RequestTimeoutMillis: number;
    };
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
                 * @description A regular expression against session names and descriptions to filter the results.
                 * @example support.*
                 */
                filter?: string;
                /**
                 * @description A filter expression over the session's `metadata`, with a syntax similar to a SQL WHERE clause (the `metadata_filter` of query requests), e.g. `tier >= 2 AND region = 'us'`.
                 * @example user_role = 'premium' AND tier >= 2
                 */
                metadata_filter?: string;
                /**
                 * @description The maximum number of sessions to return in the list.
                 * @example 25
                 */
                limit?: number;
                /** @description Used to retrieve the next page of sessions after the limit has been reached. */
                page_key?: string;
            };
            header?: {
                /** @description The API will make a best effort to complete the request in the specified seconds or time out. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description The API will make a best effort to complete the request in the specified milliseconds or time out. The client sends its own timeout here, so the provider can stop work the client gave up on. */
                "Request-Timeout-Millis"?: components["parameters"]["RequestTimeoutMillis"];
            };
            path: {
                /**
                 * @description The unique identifier of the agent to list sessions for.
                 * @example customer_support
                 */
                agent_key: components["schemas"]["AgentKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of available agent sessions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAgentSessionsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AgentNotFound"];
            429: components["responses"]["RateLimitExceeded"];
        };
    };
    getAgentSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API will make a best effort to complete the request in the specified seconds or time out. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description The API will make a best effort to complete the request in the specified milliseconds or time out. The client sends its own timeout here, so the provider can stop work the client gave up on. */
                "Request-Timeout-Millis"?: components["parameters"]["RequestTimeoutMillis"];
            };
            path: {
                /**
                 * @description The unique identifier of the agent.
                 * @example customer_support
                 */
                agent_key: components["schemas"]["AgentKey"];
                /**
                 * @description The unique key of the session to retrieve.
                 * @example ase_customer_support_001
                 */
                session_key: components["schemas"]["AgentSessionKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requested agent session details. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSession"];
                };
            };
            /** @description Permissions do not allow accessing this agent session. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Agent or session not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
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

/** The security schemes the spec declares: how a request proves who sends it. */
export const securitySchemes = {
  "ApiKeyAuth": {
    "type": "apiKey",
    "in": "header",
    "name": "x-api-key"
  },
  "OAuth2": {
    "type": "oauth2",
    "description": "OAuth2 client credentials; the token is sent as `Authorization: Bearer <token>`.",
    "flows": {
      "clientCredentials": {
        "tokenUrl": "https://auth.vectara.io/oauth2/token",
        "scopes": {}
      }
    }
  }
} as const;

/** Parameter constraints of each operation, read from the spec: the client validates input by these. */
export const parameterRules = {
  "listAgentSessions": {
    "Request-Timeout": {
      "in": "header",
      "required": false,
      "type": "integer",
      "minimum": 1
    },
    "Request-Timeout-Millis": {
      "in": "header",
      "required": false,
      "type": "integer",
      "minimum": 1
    },
    "agent_key": {
      "in": "path",
      "required": true,
      "type": "string",
      "pattern": "^[0-9a-zA-Z_-]+$",
      "minLength": 1,
      "maxLength": 50
    },
    "filter": {
      "in": "query",
      "required": false,
      "type": "string"
    },
    "metadata_filter": {
      "in": "query",
      "required": false,
      "type": "string",
      "maxLength": 8000
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
    }
  },
  "getAgentSession": {
    "Request-Timeout": {
      "in": "header",
      "required": false,
      "type": "integer",
      "minimum": 1
    },
    "Request-Timeout-Millis": {
      "in": "header",
      "required": false,
      "type": "integer",
      "minimum": 1
    },
    "agent_key": {
      "in": "path",
      "required": true,
      "type": "string",
      "pattern": "^[0-9a-zA-Z_-]+$",
      "minLength": 1,
      "maxLength": 50
    },
    "session_key": {
      "in": "path",
      "required": true,
      "type": "string",
      "pattern": "^[0-9a-zA-Z_-]+$",
      "minLength": 1,
      "maxLength": 50
    }
  }
} as const;
