/**
 * Reads back the Bicep the console writes (tests only): `param` declarations and one `resource … = { … }` whose body
 * is an object literal of strings, numbers, booleans, null, arrays, objects and parameter names. Anything else is an
 * error, so a test cannot pass on Bicep it did not understand.
 */
export interface ParsedBicep {
  params: string[];
  resourceType: string;
  body: Record<string, unknown>;
}

type Token = { kind: 'punct' | 'string' | 'word' | 'number' | 'newline'; text: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '\n') {
      out.push({ kind: 'newline', text: c });
      i++;
    } else if (/\s/.test(c)) i++;
    else if ('{}[]:=@()'.includes(c)) {
      out.push({ kind: 'punct', text: c });
      i++;
    } else if (c === "'") {
      let s = '';
      i++;
      while (src[i] !== "'") {
        if (i >= src.length) throw new Error('Unterminated string.');
        if (src[i] === '\\') {
          const n = src[i + 1]!;
          s += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n;
          i += 2;
        } else s += src[i++];
      }
      i++;
      out.push({ kind: 'string', text: s });
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      out.push({ kind: 'number', text: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i))!;
      out.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    } else throw new Error(`Unexpected character ${c} in Bicep.`);
  }
  return out;
}

export function parseBicep(src: string, paramValues: Record<string, unknown> = {}): ParsedBicep {
  const t = tokenize(src);
  let i = 0;
  const skipNewlines = () => {
    while (t[i]?.kind === 'newline') i++;
  };
  const expect = (text: string) => {
    skipNewlines();
    if (t[i]?.text !== text) throw new Error(`Expected ${text}, found ${t[i]?.text ?? 'the end'}.`);
    i++;
  };
  const params: string[] = [];
  const value = (): unknown => {
    skipNewlines();
    const tok = t[i++];
    if (!tok) throw new Error('Unexpected end.');
    if (tok.kind === 'string') return tok.text;
    if (tok.kind === 'number') return Number(tok.text);
    if (tok.kind === 'word') {
      if (tok.text === 'true' || tok.text === 'false') return tok.text === 'true';
      if (tok.text === 'null') return null;
      if (!params.includes(tok.text)) throw new Error(`Unknown name ${tok.text}.`);
      if (!(tok.text in paramValues)) throw new Error(`No value given for parameter ${tok.text}.`);
      return paramValues[tok.text];
    }
    if (tok.text === '[') {
      const arr: unknown[] = [];
      for (skipNewlines(); t[i]?.text !== ']'; skipNewlines()) arr.push(value());
      i++;
      return arr;
    }
    if (tok.text === '{') {
      const obj: Record<string, unknown> = {};
      for (skipNewlines(); t[i]?.text !== '}'; skipNewlines()) {
        const key = t[i++]!;
        if (key.kind !== 'word' && key.kind !== 'string') throw new Error(`Bad key ${key.text}.`);
        expect(':');
        obj[key.text] = value();
      }
      i++;
      return obj;
    }
    throw new Error(`Unexpected ${tok.text}.`);
  };
  let resourceType: string | undefined;
  let body: Record<string, unknown> | undefined;
  for (skipNewlines(); i < t.length; skipNewlines()) {
    const tok = t[i++]!;
    if (tok.text === '@') {
      expect('secure');
      expect('(');
      expect(')');
    } else if (tok.text === 'param') {
      params.push(t[i++]!.text);
      i++; // the type
    } else if (tok.text === 'resource') {
      i++; // the symbolic name
      resourceType = t[i++]!.text;
      expect('=');
      body = value() as Record<string, unknown>;
    } else throw new Error(`Unexpected ${tok.text} at the top level.`);
  }
  if (!resourceType || !body) throw new Error('No resource in the Bicep.');
  return { params, resourceType, body };
}
