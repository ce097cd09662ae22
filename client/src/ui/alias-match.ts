// Which alias a search hit matched on, when the query does not appear in the entity's name —
// so "海康威视" or "HIK" shows why Hangzhou Hikvision Digital Technology came up.

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function matchedAlias(query: string, name: string, aliases: readonly string[]): string | null {
  const tokens = fold(query).split(/[\s,.;:()'"-]+/u).filter(Boolean);
  if (tokens.length === 0) return null;
  const matches = (text: string): boolean => {
    const folded = fold(text);
    return tokens.every((token) => folded.includes(token));
  };
  if (matches(name)) return null;
  return aliases.find(matches) ?? aliases.find((alias) => tokens.some((token) => fold(alias).includes(token))) ?? null;
}
