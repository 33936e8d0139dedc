// Hostile inputs for the host contract fuzz: strings that try to leave the data folder, keys that
// try to pollute prototypes, wrong types, oversized and deeply nested values.
import fc from 'fast-check';

/** Path tricks for POSIX and Windows, raw and encoded. */
export const TRAVERSALS = [
  '..',
  '../',
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\System32\\config\\SAM',
  '/etc/passwd',
  '/',
  'C:\\Windows\\System32',
  'C:/Windows/win.ini',
  'c:',
  '\\\\server\\share\\file.txt',
  '//server/share/file.txt',
  '\\\\?\\C:\\Windows',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2f..%2f',
  '%252e%252e%252f',
  '..%c0%af..%c0%af',
  '\u002e\u002e\u2215\u002e\u002e\u2215etc',
  'file.pdf\u0000.txt',
  'a/../../b',
  'CON',
  'nul.txt',
  'COM1.pdf',
  'aux',
  'name.',
  'name ',
  ' ',
  '',
  '~/.ssh/id_rsa',
  'file:///etc/passwd',
  'app://onewindow/../../etc/passwd',
];

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf'];

const specialStrings = fc.constantFrom(
  ...TRAVERSALS,
  ...POLLUTION_KEYS,
  '申请表（原件）.pdf',
  '𠀀𠀁',
  '\u202Egnp.exe',
  '<script>alert(1)</script>',
  "'; DROP TABLE cases; --",
  '${process.exit(1)}',
);

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: specialStrings },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  // Oversized: past every string limit of the contract (200, 500, 4096 characters).
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', '../', '字', '\u0000'), fc.integer({ min: 201, max: 70_000 }))
      .map(([s, n]) => s.repeat(n)),
  },
);

const scalars = fc.oneof(
  hostileString,
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53, -1, 0, 1e308, 0.5),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: true }),
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom(new ArrayBuffer(8), new Uint16Array(4), new Map([['a', 1]]), new Set([1])),
);

/** An object whose own keys may be '__proto__' or 'constructor' (as JSON.parse would make). */
export function objectWithKeys(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return o;
}

const hostileKey = fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 12 }));

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalars,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectWithKeys),
  ),
})).value;

/** A chain of `depth` nested objects (or arrays): parsers that recurse must not fall over. */
export function nested(depth: number, asArray: boolean): unknown {
  let v: unknown = { leaf: '../../etc/passwd' };
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v, __proto__x: 1 };
  return v;
}
