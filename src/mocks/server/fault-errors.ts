import type { FaultRule } from '../shared/faults';
import type { Service } from '../routes/http';

export interface FaultError {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

/** The error each injected fault answers with, in the words of the service that was asked. */
export function faultError(fault: FaultRule, service: Service): FaultError | undefined {
  switch (fault.kind) {
    case 'throttle':
      if (service === 'keyvault')
        return {
          status: 429,
          code: 'Throttled',
          message: 'Request was not processed because too many requests were received.',
          headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 2) },
        };
      return {
        status: 429,
        code: 'SubscriptionRequestsThrottled',
        message: 'Number of requests for subscription exceeded the limit. Please try again later.',
        headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 2) },
      };
    case 'error403':
      if (service === 'keyvault')
        return {
          status: 403,
          code: 'Forbidden',
          message: 'Caller is not authorized to perform action on resource.',
        };
      if (service === 'logs')
        return {
          status: 403,
          code: 'InsufficientAccessError',
          message: 'The provided credentials have insufficient access to perform the requested operation',
        };
      return service === 'graph'
        ? {
            status: 403,
            code: 'Authorization_RequestDenied',
            message: 'Insufficient privileges to complete the operation.',
          }
        : {
            status: 403,
            code: 'AuthorizationFailed',
            message:
              'The client does not have authorization to perform this action over this scope or the scope is invalid.',
          };
    case 'error500':
      return {
        status: 500,
        code: 'InternalServerError',
        message: 'An internal server error occurred. Please try again later.',
      };
    case 'error503':
      return {
        status: 503,
        code: 'ServiceUnavailable',
        message: 'The service is temporarily unavailable. Please try again later.',
        headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 1) },
      };
    default:
      return undefined;
  }
}
