#!/usr/bin/env node
/**
 * Writes test/azure-contract/operations.json: for each ARM operation the contract tests check, its method, path
 * template, api-version, request body shape and response shapes, in Keyguard's own compact form (types, required
 * properties, closed enums, read-only properties; no descriptions). It is derived once from Azure's REST specs, given
 * as the folder holding their `specification` tree (a checkout of Azure/azure-rest-api-specs):
 *
 *   node scripts/azure-contract-fixtures.mjs path/to/azure-rest-api-specs
 *
 * The tests read only the fixture, so a clone of this repository runs them with nothing beside it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const wanted = {
  'botservice/resource-manager/Microsoft.BotService/stable/2022-09-15/botservice.json': [
    'Bots_Get',
    'Bots_List',
    'Bots_ListByResourceGroup',
    'Bots_Update',
  ],
  'keyvault/resource-manager/Microsoft.KeyVault/stable/2025-05-01/keyvault.json': [
    'Vaults_Get',
    'Vaults_ListBySubscription',
    'Vaults_ListByResourceGroup',
    'Vaults_Update',
    'Vaults_UpdateAccessPolicy',
    'Vaults_ListDeleted',
    'Vaults_GetDeleted',
  ],
  'keyvault/resource-manager/Microsoft.KeyVault/stable/2025-05-01/keys.json': [
    'Keys_List',
    'Keys_Get',
    'Keys_ListVersions',
    'Keys_GetVersion',
    'Keys_CreateIfNotExist',
  ],
  'resources/resource-manager/Microsoft.Resources/stable/2025-04-01/resources.json': [
    'Providers_Get',
    'Providers_List',
    'Providers_Register',
    'Providers_Unregister',
  ],
  'resources/resource-manager/Microsoft.Resources/stable/2022-12-01/subscriptions.json': [
    'Subscriptions_List',
    'Tenants_List',
  ],
};

if (!process.argv[2]) {
  console.error("Give the folder that holds the REST specs' specification/ tree (azure-rest-api-specs).");
  process.exit(2);
}
const root = resolve(process.argv[2], 'specification');
const docs = new Map();
const load = (file) => {
  if (!docs.has(file)) docs.set(file, JSON.parse(readFileSync(file, 'utf8')));
  return docs.get(file);
};

/** Follows a $ref to the schema it names, with the file its own $refs resolve against. */
function deref(file, schema) {
  if (!schema.$ref) return { file, schema, ref: undefined };
  const [filePart, pointer = ''] = schema.$ref.split('#');
  const target = filePart ? resolve(dirname(file), filePart) : file;
  let node = load(target);
  for (const seg of pointer.split('/').filter(Boolean)) node = node[seg];
  if (!node) throw new Error(`Unresolved $ref ${schema.$ref} in ${file}`);
  const inner = deref(target, node);
  return { ...inner, ref: inner.ref ?? `${target}#${pointer}` };
}

/** The compact shape: t (type), req, enum (closed only), ro, props, items, extra (additionalProperties). */
function compact(file, raw, seen = []) {
  const { file: f, schema, ref } = deref(file, raw);
  // A schema that contains itself (error details) is cut at its second appearance: any value passes there.
  if (ref && seen.includes(ref)) return {};
  const path = ref ? [...seen, ref] : seen;
  const out = {};
  const props = {};
  const req = [...(schema.required ?? [])];
  for (const part of schema.allOf ?? []) {
    const p = compact(f, part, path);
    Object.assign(props, p.props ?? {});
    req.push(...(p.req ?? []));
    if (p.t && !out.t) out.t = p.t;
  }
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    const c = compact(f, v, path);
    if (v.readOnly || deref(f, v).schema.readOnly) c.ro = true;
    props[k] = c;
  }
  const type = schema.type ?? (Object.keys(props).length ? 'object' : out.t);
  if (type) out.t = type;
  if (req.length) out.req = [...new Set(req)];
  if (schema.enum && !schema['x-ms-enum']?.modelAsString) out.enum = schema.enum;
  if (Object.keys(props).length) out.props = props;
  if (schema.items) out.items = compact(f, schema.items, path);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
    out.extra = compact(f, schema.additionalProperties, path);
  return out;
}

const operations = {};
for (const [relative, ids] of Object.entries(wanted)) {
  const file = resolve(root, relative);
  const doc = load(file);
  for (const id of ids) {
    const found = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op?.operationId === id)
        .map(([method, op]) => ({ path, method, op })),
    )[0];
    if (!found) throw new Error(`${id} is not in ${relative}`);
    const params = (found.op.parameters ?? []).map((p) => deref(file, p).schema);
    const body = params.find((p) => p.in === 'body');
    operations[id] = {
      spec: relative,
      method: found.method.toUpperCase(),
      path: found.path,
      apiVersion: doc.info.version,
      body: body?.schema ? compact(file, body.schema) : null,
      responses: Object.fromEntries(
        Object.entries(found.op.responses)
          .filter(([status]) => /^\d+$/.test(status))
          .map(([status, r]) => [status, r.schema ? compact(file, r.schema) : null]),
      ),
    };
  }
}

const out = resolve(import.meta.dirname, '../test/azure-contract/operations.json');
writeFileSync(out, `${JSON.stringify({ operations }, null, 1)}\n`);
console.log(`Wrote ${Object.keys(operations).length} operations to ${out}.`);
