export interface TwinErrorBody {
  code: string;
  message: string;
  target?: string;
  details?: { code: string; message: string; target?: string }[];
}

/** A value as Azure's refusals quote what they were sent: text as it is, anything else as JSON. */
export const echo = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');

/** A refusal the twin answers with the ARM error envelope. */
export class TwinHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: TwinErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

/**
 * Azure's refusal as a value. The rules return it, which keeps them pure and testable without a server; the routes
 * answer it (`refuseIf`, `answered`), and only there does it become the HTTP error.
 */
export interface Refusal {
  readonly refused: true;
  readonly status: number;
  readonly body: TwinErrorBody;
  readonly headers: Record<string, string>;
}

export const refusal = (
  status: number,
  code: string,
  message: string,
  target?: string,
  details?: TwinErrorBody['details'],
  headers: Record<string, string> = {},
): Refusal => ({ refused: true, status, body: { code, message, target, details }, headers });

/** A 400: the request names something Azure does not take. */
export const invalid = (code: string, message: string, target?: string): Refusal =>
  refusal(400, code, message, target);

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && (value as { refused?: unknown }).refused === true;

/** Answers a refusal: the server turns the error it throws into Azure's envelope. */
const answer = (r: Refusal): never => {
  throw new TwinHttpError(r.status, r.body, r.headers);
};

/** Where a route meets a check: a refusal becomes Azure's answer; none lets the request go on. */
export function refuseIf(r: Refusal | undefined): void {
  if (r) answer(r);
}

/** Where a route meets a rule's result: the refusal becomes Azure's answer, anything else is the result. */
export function answered<T>(result: T | Refusal): T {
  return isRefusal(result) ? answer(result) : result;
}

/** A route's own refusal, answered at once. */
export const fail = (...args: Parameters<typeof refusal>): never => answer(refusal(...args));

export const badRequest = (code: string, message: string, target?: string): never =>
  fail(400, code, message, target);

export const notFound = (type: string, name: string, resourceGroup?: string): never =>
  fail(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup ?? ''}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );

export const missingRegistration = (namespace: string): never =>
  fail(
    409,
    'MissingSubscriptionRegistration',
    `The subscription is not registered to use namespace '${namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.`,
    undefined,
    [
      {
        code: 'MissingSubscriptionRegistration',
        target: namespace,
        message: `The subscription is not registered to use namespace '${namespace}'.`,
      },
    ],
  );
