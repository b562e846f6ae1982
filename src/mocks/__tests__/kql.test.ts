// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFunctions, runQuery, type Row } from '../rules/kql/evaluate';
import { KqlError } from '../rules/kql/errors';
import { parseQuery } from '../rules/kql/parser';
import { toJson } from '../rules/kql/values';

const now = Date.UTC(2026, 5, 12, 12);
const day = 86_400_000;
const rows: Row[] = [
  {
    id: '/S/1/R/a',
    name: 'kv-alpha',
    type: 'microsoft.keyvault/vaults',
    location: 'westeurope',
    n: 3,
    properties: { sku: { name: 'standard' }, enablePurgeProtection: true, tags: ['x'] },
    when: new Date(now - 2 * day).toISOString(),
  },
  {
    id: '/S/1/R/b',
    name: 'Contoso-Support-Bot',
    type: 'microsoft.botservice/botservices',
    location: 'global',
    n: 10,
    properties: {
      isCmekEnabled: true,
      cmekKeyVaultUrl: 'https://kv-alpha.vault.azure.net/keys/k/1',
      'a.b': 'dotted',
    },
    when: new Date(now - 20 * day).toISOString(),
  },
  {
    id: '/S/2/R/c',
    name: 'kv-beta',
    type: 'microsoft.keyvault/vaults',
    location: 'northeurope',
    n: null,
    properties: { sku: { name: 'premium' } },
    when: null,
  },
  {
    id: '/S/2/R/d',
    name: 'hr bot',
    type: 'microsoft.botservice/botservices',
    location: 'global',
    n: 7,
    properties: { isCmekEnabled: 'false' },
    when: new Date(now - 1 * day).toISOString(),
  },
];

const q = (text: string) => {
  const parsed = parseQuery(text);
  checkFunctions(parsed);
  return runQuery(parsed, rows, now).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toJson(v)])),
  );
};
const names = (text: string) => q(text).map((r) => r.name);
const refusal = (text: string) => {
  try {
    q(text);
  } catch (e) {
    if (e instanceof KqlError) return e.token;
    throw e;
  }
  return undefined;
};

describe('the twin’s query language: tabular operators', () => {
  it('where, project (named, derived and bracketed), project-away, extend', () => {
    expect(
      q("T | where type =~ 'MICROSOFT.KEYVAULT/VAULTS' | project id, sku = tostring(properties.sku.name)"),
    ).toEqual([
      { id: '/S/1/R/a', sku: 'standard' },
      { id: '/S/2/R/c', sku: 'premium' },
    ]);
    expect(q("T | where name == 'kv-alpha' | project properties.sku.name, properties['a.b']")).toEqual([
      { properties_sku_name: 'standard', properties_a_b: null },
    ]);
    expect(Object.keys(q("T | where name == 'kv-beta' | project-away properties, when, n")[0]!)).toEqual([
      'id',
      'name',
      'type',
      'location',
    ]);
    expect(q('T | extend big = n > 5 | where big | project name')).toEqual([
      { name: 'Contoso-Support-Bot' },
      { name: 'hr bot' },
    ]);
  });

  it('summarize: count, countif, dcount, make_list, make_set, min, max, by computed columns, on empty input', () => {
    expect(q('T | summarize count()')).toEqual([{ count_: 4 }]);
    expect(
      q(
        'T | summarize n = count(), withN = countif(isnotnull(n)), places = dcount(location), top = max(n), least = min(n), all = make_list(location), seen = make_set(location) by kind = tostring(split(type, "/")[0])',
      ),
    ).toEqual([
      {
        kind: 'microsoft.keyvault',
        n: 2,
        withN: 1,
        places: 2,
        top: 3,
        least: 3,
        all: ['westeurope', 'northeurope'],
        seen: ['westeurope', 'northeurope'],
      },
      {
        kind: 'microsoft.botservice',
        n: 2,
        withN: 2,
        places: 1,
        top: 10,
        least: 7,
        all: ['global', 'global'],
        seen: ['global'],
      },
    ]);
    expect(q("T | where name == 'none' | summarize count()")).toEqual([{ count_: 0 }]);
    expect(q("T | where name == 'none' | summarize count() by type")).toEqual([]);
    expect(q('T | summarize max(n) by location | order by location asc')[0]).toEqual({
      location: 'global',
      max_n: 10,
    });
  });

  it('order and sort (desc by default; nulls last descending, first ascending), take, limit, top, count, distinct', () => {
    expect(names('T | order by n')).toEqual(['Contoso-Support-Bot', 'hr bot', 'kv-alpha', 'kv-beta']);
    expect(names('T | sort by n asc')).toEqual(['kv-beta', 'kv-alpha', 'hr bot', 'Contoso-Support-Bot']);
    expect(names('T | sort by location asc, name desc | take 2')).toEqual(['hr bot', 'Contoso-Support-Bot']);
    expect(names('T | order by name asc | limit 1')).toEqual(['Contoso-Support-Bot']);
    expect(names('T | top 2 by n asc')).toEqual(['kv-beta', 'kv-alpha']);
    expect(q("T | where location == 'global' | count")).toEqual([{ Count: 2 }]);
    expect(q('T | distinct location | order by location asc')).toEqual([
      { location: 'global' },
      { location: 'northeurope' },
      { location: 'westeurope' },
    ]);
  });
});

describe('operators and functions', () => {
  it('equality is case-sensitive, =~ and in~ are not; in, !in; has matches whole terms; contains, startswith, endswith', () => {
    expect(names("T | where name == 'KV-ALPHA'")).toEqual([]);
    expect(names("T | where name =~ 'KV-ALPHA'")).toEqual(['kv-alpha']);
    expect(names("T | where name !~ 'KV-ALPHA' and name != 'hr bot'")).toEqual([
      'Contoso-Support-Bot',
      'kv-beta',
    ]);
    expect(names("T | where location in ('global', 'westeurope') and name !in ('hr bot')")).toEqual([
      'kv-alpha',
      'Contoso-Support-Bot',
    ]);
    expect(names("T | where location in~ ('GLOBAL')")).toEqual(['Contoso-Support-Bot', 'hr bot']);
    expect(names("T | where location !in~ ('GLOBAL', 'WestEurope')")).toEqual(['kv-beta']);
    expect(names("T | where name has 'support'")).toEqual(['Contoso-Support-Bot']);
    expect(names("T | where name has 'supp'")).toEqual([]);
    expect(names("T | where name contains 'SUPP'")).toEqual(['Contoso-Support-Bot']);
    expect(names("T | where name contains_cs 'SUPP'")).toEqual([]);
    expect(names("T | where name startswith 'kv-' and name endswith 'TA'")).toEqual(['kv-beta']);
    expect(names("T | where name !has 'bot' and not(name contains 'beta')")).toEqual(['kv-alpha']);
  });

  it('numbers and datetimes compare; ago, now, datetime, todatetime; null comparisons fall out of where', () => {
    expect(names('T | where n > 5 or n < 4')).toEqual(['kv-alpha', 'Contoso-Support-Bot', 'hr bot']);
    expect(names('T | where todatetime(when) > ago(3d)')).toEqual(['kv-alpha', 'hr bot']);
    expect(names('T | where todatetime(when) < now() - 10d')).toEqual(['Contoso-Support-Bot']);
    expect(names('T | where todatetime(when) >= datetime(2026-06-11 00:00)')).toEqual(['hr bot']);
    expect(names("T | where todatetime(when) >= datetime('2026-06-10T00:00:00Z')")).toEqual([
      'kv-alpha',
      'hr bot',
    ]);
    // A null operand: `<` is null (the row drops), `==` is false, `!=` is true.
    expect(names('T | where n < 100')).not.toContain('kv-beta');
    expect(names('T | where n == 3')).toEqual(['kv-alpha']);
    expect(names('T | where n != 3')).toEqual(['Contoso-Support-Bot', 'kv-beta', 'hr bot']);
  });

  it('isnull, isnotnull, isempty, isnotempty, tostring, toint, tolong, tobool, tolower, toupper, strcat, split, iff', () => {
    expect(
      q(
        "T | where name == 'kv-beta' | project a = isnull(n), b = isnotnull(when), c = isempty(tostring(n)), d = isnotempty(properties.sku)",
      ),
    ).toEqual([{ a: true, b: false, c: true, d: true }]);
    expect(
      q(
        "T | where name == 'hr bot' | project a = toint('42'), b = tolong(7.9), c = tobool(properties.isCmekEnabled), d = tolower(name), e = toupper(location), f = strcat(name, '/', n), g = split(type, '/'), h = iff(n > 5, 'big', 'small'), i = tostring(properties)",
      ),
    ).toEqual([
      {
        a: 42,
        b: 7,
        c: false,
        d: 'hr bot',
        e: 'GLOBAL',
        f: 'hr bot/7',
        g: ['microsoft.botservice', 'botservices'],
        h: 'big',
        i: '{"isCmekEnabled":"false"}',
      },
    ]);
  });

  it('the rest it takes: sum, avg, strlen, coalesce, array_length, todouble, toboolean, iif, split by index', () => {
    // n is 3, 10, null and 7: sum and avg leave the null out.
    expect(q('T | summarize s = sum(n), a = avg(n)')).toEqual([{ s: 20, a: 20 / 3 }]);
    expect(
      q(
        "T | where name == 'kv-alpha' | project a = strlen(name), b = coalesce(properties.missing, '', name), c = array_length(properties.tags), d = todouble('2.5'), e = toboolean('true'), f = iif(n < 5, 'small', 'big'), g = split(type, '/', 1), h = array_length(name)",
      ),
    ).toEqual([{ a: 8, b: 'kv-alpha', c: 1, d: 2.5, e: true, f: 'small', g: ['vaults'], h: null }]);
  });

  it('<= and >=, the negated string operators, the case-sensitive ones, and arithmetic', () => {
    expect(names('T | where n <= 7')).toEqual(['kv-alpha', 'hr bot']);
    expect(names('T | where n >= 7')).toEqual(['Contoso-Support-Bot', 'hr bot']);
    expect(names("T | where name !contains 'KV'")).toEqual(['Contoso-Support-Bot', 'hr bot']);
    expect(names("T | where name !startswith 'KV'")).toEqual(['Contoso-Support-Bot', 'hr bot']);
    expect(names("T | where name !endswith 'BOT'")).toEqual(['kv-alpha', 'kv-beta']);
    expect(names("T | where name has_cs 'Support'")).toEqual(['Contoso-Support-Bot']);
    expect(names("T | where name has_cs 'support'")).toEqual([]);
    expect(names("T | where name contains_cs 'Bot'")).toEqual(['Contoso-Support-Bot']);
    expect(names("T | where name startswith_cs 'KV'")).toEqual([]);
    expect(names("T | where name endswith_cs 'bot'")).toEqual(['hr bot']);
    expect(q("T | where name == 'Contoso-Support-Bot' | project m = n * 2, d = n / 2, r = n % 3")).toEqual([
      { m: 20, d: 5, r: 1 },
    ]);
  });

  it('line breaks anywhere, // comments, and any case of the table name', () => {
    expect(
      names(`Resources // the table
        | where type =~ 'microsoft.keyvault/vaults'
        // only one
        | order by name
            asc
        | take 1`),
    ).toEqual(['kv-alpha']);
  });

  it('refuses what it does not cover, naming the token at fault', () => {
    expect(refusal("T | where name == 'kv")).toBe("'");
    expect(refusal('T | mv-expand properties')).toBe('mv-expand');
    expect(refusal('T | join (U) on id')).toBe('join');
    expect(refusal('T | where hash(name) == 1')).toBe('hash');
    expect(refusal('T | where tolower(name, 1)')).toBe('tolower');
    expect(refusal('T | summarize percentile(n, 50)')).toBe('percentile');
    expect(refusal('T | where name ==')).toBe('<end of query>');
    expect(refusal('T | take x')).toBe('x');
  });
});

describe('compared with a plain filter over the same rows (fast-check)', () => {
  const columns = ['name', 'location', 'type'] as const;
  const ops = ['==', '!=', '=~', '!~', 'contains', 'startswith', 'endswith', 'has'] as const;
  const plain: Record<(typeof ops)[number], (a: string, b: string) => boolean> = {
    '==': (a, b) => a === b,
    '!=': (a, b) => a !== b,
    '=~': (a, b) => a.toLowerCase() === b.toLowerCase(),
    '!~': (a, b) => a.toLowerCase() !== b.toLowerCase(),
    contains: (a, b) => a.toLowerCase().includes(b.toLowerCase()),
    startswith: (a, b) => a.toLowerCase().startsWith(b.toLowerCase()),
    endswith: (a, b) => a.toLowerCase().endsWith(b.toLowerCase()),
    has: (a, b) =>
      new RegExp(`(^|[^a-z0-9])${b.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`).test(
        a.toLowerCase(),
      ),
  };
  const needle = fc.oneof(
    fc.constantFrom('kv', 'KV-ALPHA', 'global', 'bot', 'Support', 'microsoft', 'vaults', 'x'),
    fc.stringMatching(/^[a-zA-Z0-9 -]{1,6}$/),
  );

  it('where with one comparison keeps exactly the rows a JavaScript filter keeps', () => {
    fc.assert(
      fc.property(fc.constantFrom(...columns), fc.constantFrom(...ops), needle, (column, op, value) => {
        const literal = `'${value.replace(/'/g, "\\'")}'`;
        const expected = rows.filter((r) => plain[op](String(r[column]), value)).map((r) => r.id);
        expect(q(`T | where ${column} ${op} ${literal} | project id`).map((r) => r.id)).toEqual(expected);
      }),
    );
  });

  it('and, or and order by agree with a filter and a sort', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ops),
        needle,
        fc.constantFrom(...ops),
        needle,
        fc.boolean(),
        (op1, v1, op2, v2, both) => {
          const lit = (v: string) => `'${v.replace(/'/g, "\\'")}'`;
          const text = `T | where name ${op1} ${lit(v1)} ${both ? 'and' : 'or'} location ${op2} ${lit(v2)} | order by name asc | project name`;
          const keep = (r: Row) =>
            both
              ? plain[op1](String(r.name), v1) && plain[op2](String(r.location), v2)
              : plain[op1](String(r.name), v1) || plain[op2](String(r.location), v2);
          const expected = rows
            .filter(keep)
            .map((r) => String(r.name))
            .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(names(text)).toEqual(expected);
        },
      ),
    );
  });
});
