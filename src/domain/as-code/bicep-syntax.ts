/** A value Bicep can write literally: what an ARM resource body holds. */
export type BicepValue = string | number | boolean | null | BicepValue[] | { [key: string]: BicepValue };

/** A Bicep expression written as is (a parameter, a function call), not quoted. */
export class BicepExpression {
  constructor(readonly text: string) {}
}

type Renderable = BicepValue | BicepExpression | Renderable[] | { [key: string]: Renderable | undefined };

/** Bicep's single-quoted string: backslash, quote, newline and `${` (interpolation) escaped. */
export function bicepString(s: string): string {
  return `'${s
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '\\${')}'`;
}

const identifier = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Renders a value as a Bicep literal, objects and arrays one entry per line. `undefined` entries are left out. */
export function bicepLiteral(value: Renderable, indent = ''): string {
  if (value instanceof BicepExpression) return value.text;
  if (value === null) return 'null';
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${bicepLiteral(v, inner)}`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined) as [string, Renderable][];
  if (entries.length === 0) return '{}';
  const key = (k: string) => (identifier.test(k) ? k : bicepString(k));
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${bicepLiteral(v, inner)}`).join('\n')}\n${indent}}`;
}

/** A shell word for the Azure CLI: plain when safe, single-quoted otherwise. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_.:/@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
