// Turns what a person types into a Lucene query for the full-text index. Input is cut into words of
// letters and digits, so no Lucene operator can survive: input can only ever be words. The index uses
// Lucene's 'cjk' analyzer, which splits "State-owned" into two tokens, drops English stop words and
// bigrams Chinese, so the query does the same: hyphenated words become two terms, complete stop words are
// dropped, and a run of Chinese characters becomes a quoted phrase. Latin words match as prefixes
// (search as you type); `+` marks a term as required.

const HAN_RUN = /\p{Script=Han}+/u;
const WORD = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;
const MAX_TERMS = 8;
/** The stop words of Lucene's CJKAnalyzer: never indexed, so a required term for one matches nothing. */
const STOP_WORDS = new Set(
  'a and are as at be but by for if in into is it no not of on or s such t that the their then there these they this to was will with www'.split(' '),
);

/** null when the text has nothing searchable (only punctuation or spaces). */
export function toLuceneQuery(text: string): string | null {
  const words = (text.normalize('NFKC').match(WORD) ?? []).slice(0, MAX_TERMS);
  const clauses: string[] = [];
  words.forEach((word, i) => {
    if (HAN_RUN.test(word)) {
      clauses.push(`+"${word}"`);
      return;
    }
    const lower = word.toLowerCase();
    const last = i === words.length - 1;
    if (!last) {
      // A finished word: a stop word is not in the index; a one-letter word is matched exactly.
      if (STOP_WORDS.has(lower)) return;
      clauses.push(lower.length === 1 ? `+${lower}` : `+${lower}*`);
      return;
    }
    // The word being typed. Alone, a single letter would match half the index: keep it exact.
    if (lower.length === 1 && words.length === 1) clauses.push(`+${lower}`);
    // It may be the start of a longer word ("the" → "theory") or a stop word: optional, not required.
    else if (STOP_WORDS.has(lower)) clauses.push(`${lower}*`);
    else clauses.push(`+${lower}*`);
  });
  return clauses.length > 0 ? clauses.join(' ') : null;
}
