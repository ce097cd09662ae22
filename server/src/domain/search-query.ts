// Turns what a person types into a Lucene query for the full-text index. Every Lucene operator is
// escaped, so input can only ever be words. Latin words match as prefixes (search as you type); a run
// of Chinese characters becomes a quoted phrase, which the 'cjk' analyzer splits into bigrams.

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
const HAN = /\p{Script=Han}/u;
const MAX_TERMS = 8;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** null when the text has nothing searchable (only punctuation or spaces). */
export function toLuceneQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[\s,;:()"'“”‘’.]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .slice(0, MAX_TERMS);
  const clauses = words
    .map((w) => {
      if (HAN.test(w)) return `"${escapeLucene(w)}"`;
      const plain = w.replace(LUCENE_SPECIAL, '');
      if (plain.length === 0) return null;
      // A one-letter prefix would match half the index; keep it exact.
      return plain.length === 1 ? escapeLucene(plain) : `${escapeLucene(plain.toLowerCase())}*`;
    })
    .filter((c): c is string => c !== null);
  return clauses.length > 0 ? clauses.join(' AND ') : null;
}
