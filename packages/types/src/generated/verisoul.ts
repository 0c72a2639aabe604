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
    "/account/{account_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get account
         * @description Returns detailed information about a specific account
         */
        get: operations["getAccount"];
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
        AccountResponse: {
            /** @description The ID of the project */
            project_id?: string;
            /** @description The ID of the request */
            request_id?: string;
            account?: {
                /** @description The account identifier */
                id?: string;
                /** @description The email associated with the account */
                email?: string;
                /** @description The phone number stored for the account in E.164 format */
                phone?: string;
                /** @description The account holder's first name */
                first_name?: string;
                /** @description The account holder's last name */
                last_name?: string;
                /** @description The username stored for the account */
                username?: string;
                /** @description Countries the account is expected to operate from (ISO 3166-1 alpha-2 codes) */
                expected_countries?: string[];
                /** @description Additional metadata about the account. Not on the page: `additionalProperties: {}` instead of `true` (the same in JSON Schema), because PactFlow's comparator reads `true` as a closed object. */
                metadata?: {
                    [key: string]: unknown;
                };
                /** @description Groups must be enabled for the project to use this field. See [Multi Accounting Groups](/integration/advanced/multi-accounting-groups) for more information. */
                group?: string;
            };
            /** @description Number of sessions associated with this account */
            num_sessions?: number;
            /**
             * Format: date-time
             * @description Timestamp when the account was first seen
             */
            first_seen?: string;
            /**
             * Format: date-time
             * @description Timestamp when the account was last seen
             */
            last_seen?: string;
            /** @description ID of the last session */
            last_session?: string;
            /** @description Decision about the account authenticity */
            decision?: string;
            /**
             * Format: float
             * @description Overall account risk score
             */
            account_score?: number;
            /**
             * Format: float
             * @description Bot detection score
             */
            bot?: number;
            /**
             * Format: float
             * @description Multiple accounts detection score
             */
            multiple_accounts?: number;
            /**
             * Format: float
             * @description Risk signals score
             */
            risk_signals?: number;
            /** @description Number of accounts linked to this account */
            accounts_linked?: number;
            /** @description Country code of the account */
            country?: string;
            /** @description List of countries associated with this account. Not on the page's schema: its example carries `countries`, and the definition's own `AccountDetails` declares it so. */
            countries?: string[];
            /** @description Lists the account belongs to */
            lists?: string[];
            unique_devices?: {
                /** @description Number of unique devices in the last day */
                "1_day"?: number;
                /** @description Number of unique devices in the last 7 days */
                "7_day"?: number;
            };
            unique_networks?: {
                /** @description Number of unique networks in the last day */
                "1_day"?: number;
                /** @description Number of unique networks in the last 7 days */
                "7_day"?: number;
            };
            email?: {
                /** @description Email address */
                email?: string;
                /** @description Whether the email is disposable */
                disposable?: boolean;
                /** @description Whether the email is personal */
                personal?: boolean;
                /** @description Whether the email is valid */
                valid?: boolean;
                /**
                 * @description The type of domain. See [Domain Types](/signals-scores/email#domain-types) for details.
                 * @enum {string}
                 */
                domain_type?: "relay" | "personal" | "disposable" | "business" | "government" | "education" | "invalid" | "not_active";
                /**
                 * Format: float
                 * @description Email risk score from -1 (most trustworthy) to 1 (most risky)
                 */
                email_score?: number;
                /** @description Array of trust signals detected for this email. See [Trust Flags](/signals-scores/email#trust-flags) for descriptions. */
                trust_signals?: string[];
                /** @description Array of risk signals detected for this email. See [Risk Flags](/signals-scores/email#risk-flags) for descriptions. */
                risk_signals?: string[];
                /** @description Number of accounts from the same apex domain seen in your project. Capped at 1000. See [Domain Account Velocity](/signals-scores/email#domain-account-velocity) for details. */
                num_account_from_domain?: number;
            };
            risk_signal_average?: {
                /**
                 * Format: float
                 * @description Device risk score
                 */
                device_risk?: number;
                /**
                 * Format: float
                 * @description Proxy detection score
                 */
                proxy?: number;
                /**
                 * Format: float
                 * @description VPN detection score
                 */
                vpn?: number;
                /**
                 * Format: float
                 * @description Datacenter detection score
                 */
                datacenter?: number;
                /**
                 * Format: float
                 * @description Tor detection score
                 */
                tor?: number;
                /**
                 * Format: float
                 * @description Spoofed IP detection score
                 */
                spoofed_ip?: number;
                /**
                 * Format: float
                 * @description Recent fraud IP detection score
                 */
                recent_fraud_ip?: number;
                /**
                 * Format: float
                 * @description Impossible travel detection score
                 */
                impossible_travel?: number;
                /**
                 * Format: float
                 * @description Device network mismatch score
                 */
                device_network_mismatch?: number;
                /**
                 * Format: float
                 * @description Location spoofing detection score
                 */
                location_spoofing?: number;
            };
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
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the account to retrieve. Not on the page: `minLength: 1`, which a required path parameter implies. */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Account information response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
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
  },
  "getAccount": {
    "account_id": {
      "in": "path",
      "required": true,
      "type": "string",
      "minLength": 1
    }
  }
} as const;
