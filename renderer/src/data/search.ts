// Substring search over Chinese names without scanning: every name is indexed by its character
// bigrams (and its single characters, for one-character queries) in a multi-entry index. A query
// picks its rarest bigram from the index, then checks the full substring on those few rows.

const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Index terms of one or more names: unigrams and bigrams, deduplicated. */
export function termsOf(...names: string[]): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    const chars = [...normalise(name)];
    for (let i = 0; i < chars.length; i++) {
      terms.add(chars[i]!);
      if (i + 1 < chars.length) terms.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...terms];
}

/** The terms a query must match: its bigrams, or its single character. */
export function queryTerms(query: string): string[] {
  const chars = [...normalise(query)];
  if (chars.length === 0) return [];
  if (chars.length === 1) return [chars[0]!];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

export function matchesAll(haystacks: string[], query: string): boolean {
  const q = normalise(query);
  return haystacks.some((h) => normalise(h).includes(q));
}
