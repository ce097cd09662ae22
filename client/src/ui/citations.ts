// Where a citation or a source can be read: a Federal Register citation ("88 FR 18983") links to the
// Federal Register's citation lookup; sources link to their own URL. Only http(s) links are made.

const FR_CITATION = /^(\d{1,3}) FR (\d{1,6})$/;

export function citationUrl(citation: string): string | null {
  const match = FR_CITATION.exec(citation.trim());
  return match ? `https://www.federalregister.gov/citation/${match[1]}-FR-${match[2]}` : null;
}

export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
