import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Azure's REST specs beside the project (../shared/specs); absent on machines without shared/. */
export const specsRoot = resolve(process.cwd(), '../shared/specs/specification');
export const specsAvailable = existsSync(specsRoot);

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  enum?: unknown[];
  readOnly?: boolean;
  additionalProperties?: Schema | boolean;
  'x-ms-enum'?: { modelAsString?: boolean };
  'x-nullable'?: boolean;
};

interface Doc {
  file: string;
  json: {
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string;
          responses: Record<string, { schema?: Schema }>;
          parameters?: { in: string; name: string; schema?: Schema; $ref?: string }[];
        }
      >
    >;
    definitions?: Record<string, Schema>;
    info: { version: string };
  };
}

const cache = new Map<string, Doc>();
function load(file: string): Doc {
  let d = cache.get(file);
  if (!d) {
    d = { file, json: JSON.parse(readFileSync(file, 'utf8')) };
    cache.set(file, d);
  }
  return d;
}

export function specFile(relative: string): Doc {
  return load(resolve(specsRoot, relative));
}

function deref(doc: Doc, schema: Schema): { doc: Doc; schema: Schema } {
  if (!schema.$ref) return { doc, schema };
  const [filePart, pointer = ''] = schema.$ref.split('#');
  const target = filePart ? load(resolve(dirname(doc.file), filePart)) : doc;
  let node: unknown = target.json;
  for (const seg of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown>)[seg];
  if (!node) throw new Error(`Unresolved $ref ${schema.$ref} in ${doc.file}`);
  return deref(target, node as Schema);
}

interface Flat {
  schema: Schema;
  /** Each property with the document its $refs resolve against. */
  properties: Record<string, { doc: Doc; schema: Schema }>;
  required: string[];
  doc: Doc;
}

function flatten(doc: Doc, raw: Schema): Flat {
  const { doc: d, schema } = deref(doc, raw);
  const flat: Flat = { schema, doc: d, properties: {}, required: [...(schema.required ?? [])] };
  for (const part of schema.allOf ?? []) {
    const p = flatten(d, part);
    Object.assign(flat.properties, p.properties);
    flat.required.push(...p.required);
  }
  for (const [k, v] of Object.entries(schema.properties ?? {})) flat.properties[k] = { doc: d, schema: v };
  return flat;
}

/**
 * Checks a JSON value against a Swagger 2.0 schema: required properties, enum values (unless the enum is extensible),
 * primitive types, and — with `request: true` — that no read-only property is sent.
 */
export function validate(
  doc: Doc,
  raw: Schema,
  value: unknown,
  path = '$',
  opts: { request?: boolean } = {},
): string[] {
  const flat = flatten(doc, raw);
  const { schema } = flat;
  const problems: string[] = [];
  if (value === null || value === undefined) return problems;
  if (schema.enum && !schema['x-ms-enum']?.modelAsString && !schema.enum.includes(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  const type = schema.type ?? (Object.keys(flat.properties).length ? 'object' : undefined);
  if (type === 'string' && typeof value !== 'string')
    problems.push(`${path}: expected string, got ${typeof value}`);
  if (type === 'boolean' && typeof value !== 'boolean')
    problems.push(`${path}: expected boolean, got ${typeof value}`);
  if ((type === 'integer' || type === 'number') && typeof value !== 'number')
    problems.push(`${path}: expected number, got ${typeof value}`);
  if (type === 'array') {
    if (!Array.isArray(value)) problems.push(`${path}: expected array`);
    else if (schema.items)
      value.forEach((v, i) =>
        problems.push(...validate(flat.doc, schema.items as Schema, v, `${path}[${i}]`, opts)),
      );
  }
  if (type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    if (!opts.request)
      for (const r of flat.required)
        if (!(r in obj)) problems.push(`${path}: missing required property ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      const prop = flat.properties[k];
      if (!prop) {
        if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
          problems.push(...validate(flat.doc, schema.additionalProperties, v, `${path}.${k}`, opts));
        }
        continue;
      }
      const resolved = deref(prop.doc, prop.schema).schema;
      if (opts.request && (prop.schema.readOnly || resolved.readOnly))
        problems.push(`${path}.${k}: read-only property sent in a request`);
      problems.push(...validate(prop.doc, prop.schema, v, `${path}.${k}`, opts));
    }
  }
  return problems;
}

export interface OperationSpec {
  doc: Doc;
  path: string;
  method: string;
  apiVersion: string;
  response(status: number): Schema | undefined;
  body(): Schema | undefined;
}

export function operation(relative: string, operationId: string): OperationSpec {
  const doc = specFile(relative);
  for (const [path, methods] of Object.entries(doc.json.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (op?.operationId !== operationId) continue;
      return {
        doc,
        path,
        method: method.toUpperCase(),
        apiVersion: doc.json.info.version,
        response: (status) => op.responses[String(status)]?.schema,
        body: () => op.parameters?.find((p) => p.in === 'body')?.schema,
      };
    }
  }
  throw new Error(`${operationId} not found in ${relative}`);
}

/** True when a concrete URL path fits a spec path template like /subscriptions/{subscriptionId}/… */
export function pathMatches(template: string, actual: string): boolean {
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${source}$`, 'i').test(actual);
}
