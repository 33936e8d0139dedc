// Substring search over Chinese names without scanning: every name is indexed by its character
// bigrams in a multi-entry index. A query of two or more characters picks its rarest bigram from
// the index, then checks the full substring on those few rows. The last character of a name is
// paired with END, so every character of a name starts exactly one term: a one-character query is
// a prefix range over the same index (no single characters are indexed; that halves the index
// entries each case writes).

const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Pairs with the last character of a name; sorts before every real character. */
export const END = '\u0000';

/** Index terms of one or more names: each character with the one after it (or END), deduplicated. */
export function termsOf(...names: string[]): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    const chars = [...normalise(name)];
    for (let i = 0; i < chars.length; i++) terms.add(chars[i]! + (chars[i + 1] ?? END));
  }
  return [...terms];
}

/** How a query is looked up: by its bigrams, or (one character) by the terms it starts. */
export type QueryPlan = { bigrams: string[] } | { prefix: string } | null;

export function queryPlan(query: string): QueryPlan {
  const chars = [...normalise(query)];
  if (chars.length === 0) return null;
  if (chars.length === 1) return { prefix: chars[0]! };
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return { bigrams: [...out] };
}

export function matchesAll(haystacks: string[], query: string): boolean {
  const q = normalise(query);
  return haystacks.some((h) => normalise(h).includes(q));
}
