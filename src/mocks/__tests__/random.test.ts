import { describe, expect, it } from 'vitest';
import { guid, hex, seededRandom } from '../store/random';

describe('the scenarios’ random source', () => {
  // A saved demo is a diff over its scenario's seed: the seed must build the same world in every version.
  it('draws the same digits as it always has', () => {
    const r = seededRandom(107);
    expect(hex(r, 32)).toBe('f5b8f52e2509e8040b355d298135ec8d');
    expect(hex(r, 5)).toBe('e6e0c');
  });

  it('makes version-4 GUIDs', () => {
    expect(guid(seededRandom(1))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
