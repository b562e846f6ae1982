import contract from '../../test/azure-contract/operations.json';

/**
 * Azure's REST contract for the ARM operations the console and the twin use, in Keyguard's own compact form
 * (test/azure-contract/operations.json, derived from the REST specs by scripts/azure-contract-fixtures.mjs): the
 * tests need nothing outside this repository.
 */
interface Shape {
  /** Swagger's type. */
  t?: string;
  /** Required properties. */
  req?: string[];
  /** A closed enum (extensible ones are left out: every string passes). */
  enum?: unknown[];
  /** Read-only: the service sets it, a request must not send it. */
  ro?: boolean;
  props?: Record<string, Shape>;
  items?: Shape;
  /** additionalProperties. */
  extra?: Shape;
}

interface Operation {
  spec: string;
  method: string;
  path: string;
  apiVersion: string;
  body: Shape | null;
  responses: Record<string, Shape | null>;
}

const operations = (contract as { operations: Record<string, Operation> }).operations;

export function contractOf(operationId: string): Operation {
  const op = operations[operationId];
  if (!op) throw new Error(`${operationId} is not in test/azure-contract/operations.json.`);
  return op;
}

/**
 * Checks a JSON value against a shape: required properties (in answers), closed enum values, primitive types, and,
 * with `request: true`, that no read-only property is sent.
 */
export function validate(
  shape: Shape,
  value: unknown,
  path = '$',
  opts: { request?: boolean } = {},
): string[] {
  const problems: string[] = [];
  if (value === null || value === undefined) return problems;
  if (shape.enum && !shape.enum.includes(value))
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(shape.enum)}`);
  const type = shape.t;
  if (type === 'string' && typeof value !== 'string')
    problems.push(`${path}: expected string, got ${typeof value}`);
  if (type === 'boolean' && typeof value !== 'boolean')
    problems.push(`${path}: expected boolean, got ${typeof value}`);
  if ((type === 'integer' || type === 'number') && typeof value !== 'number')
    problems.push(`${path}: expected number, got ${typeof value}`);
  if (type === 'array') {
    if (!Array.isArray(value)) problems.push(`${path}: expected array`);
    else if (shape.items)
      value.forEach((v, i) => problems.push(...validate(shape.items!, v, `${path}[${i}]`, opts)));
  }
  if (type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    if (!opts.request)
      for (const r of shape.req ?? [])
        if (!(r in obj)) problems.push(`${path}: missing required property ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      const prop = shape.props?.[k];
      if (!prop) {
        if (shape.extra) problems.push(...validate(shape.extra, v, `${path}.${k}`, opts));
        continue;
      }
      if (opts.request && prop.ro) problems.push(`${path}.${k}: read-only property sent in a request`);
      problems.push(...validate(prop, v, `${path}.${k}`, opts));
    }
  }
  return problems;
}

/** True when a concrete URL path fits a spec path template like /subscriptions/{subscriptionId}/… */
export function pathMatches(template: string, actual: string): boolean {
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${source}$`, 'i').test(actual);
}
