/** Types the generated clients read from openapi-typescript's `operations`, one operation at a time. */

type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of the operation's 2xx responses, as the spec declares it. */
export type SuccessBody<Operation extends { responses: object }> = {
  [Status in keyof Operation['responses']]: `${Status & (string | number)}` extends `2${string}`
    ? JsonBody<Operation['responses'][Status]>
    : never;
}[keyof Operation['responses']];

/** The operation's parameters of one location (`path`, `query`, `header`), all of them optional or not. */
export type ParametersIn<Operation extends { parameters: object }, Location extends string> = NonNullable<
  Operation['parameters'][Location & keyof Operation['parameters']]
>;

/** Which server a client calls: an `environment` (one of the spec's servers), unless `baseUrl` is given. */
export type ServerChoice<Environment extends string> =
  | {
      /** Which of the spec's servers to call; not needed when `baseUrl` is given. */
      environment: Environment;
      baseUrl?: string;
    }
  | {
      environment?: Environment;
      /** Overrides the server taken from the spec. */
      baseUrl: string;
    };
