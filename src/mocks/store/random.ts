/** A small seeded PRNG (mulberry32) so every scenario builds the same world every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hexCodes = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const codes: number[] = [];

export function hex(random: () => number, length: number): string {
  // One string per call, not one per digit: tenant-scale scenarios draw hundreds of thousands of digits at start-up,
  // and the intermediate strings kept the garbage collector busy. The digits drawn are the same as ever.
  codes.length = length;
  for (let i = 0; i < length; i++) codes[i] = hexCodes[Math.floor(random() * 16)] as number;
  return String.fromCharCode(...codes);
}

export function guid(random: () => number): string {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16] ?? '0', 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20)}`;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
