/** Fuzzy text matching for search_records: normalised words, typo-tolerant scores, phrase bonus. */

const MARKS = /[\u0300-\u036f]/g;

/** Lower-case words without diacritics (letters and digits of any script). */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(MARKS, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), capped input length. */
export function editDistance(left: string, right: string): number {
  const a = left.slice(0, 32);
  const b = right.slice(0, 32);
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** How well one query word matches one record word, from 0 to 1. */
export function wordScore(query: string, word: string): number {
  if (query === word) return 1;
  if (query.length >= 2 && word.startsWith(query)) return 0.9;
  if (query.length >= 3 && word.includes(query)) return 0.8;
  if (query.length < 3 || word.length < 3) return 0;
  const similarity = 1 - editDistance(query, word) / Math.max(query.length, word.length);
  return similarity >= 0.6 ? similarity * 0.85 : 0;
}

/** A matcher for one query: scores a record's texts (0 = no match). */
export function createMatcher(query: string): (texts: readonly string[]) => number {
  const terms = [...new Set(words(query))];
  const phrase = terms.join(' ');
  return (texts) => {
    const recordWords = new Set(texts.flatMap(words));
    if (terms.length === 0 || recordWords.size === 0) return 0;
    let total = 0;
    let strong = 0;
    for (const term of terms) {
      let best = 0;
      for (const word of recordWords) if ((best = Math.max(best, wordScore(term, word))) === 1) break;
      total += best;
      if (best >= 0.6) strong++;
    }
    if (strong === 0) return 0;
    const bonus = terms.length > 1 && words(texts.join(' ')).join(' ').includes(phrase) ? 0.25 : 0;
    return Math.round(((total / terms.length) * (strong / terms.length) + bonus) * 1000) / 1000;
  };
}
