// A tiny element builder: text always goes in as text nodes, never as HTML, so names and summaries
// from the data cannot inject markup.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'number' ? String(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** 'cn' → 'China (CN)'; unknown codes are shown as they are. */
export function countryName(code: string | null): string | null {
  if (!code) return null;
  const upper = code.toUpperCase();
  try {
    const name = regionNames.of(upper);
    return name && name !== upper ? `${name} (${upper})` : upper;
  } catch {
    return upper;
  }
}

export const kindNames: Record<string, string> = {
  Company: 'Company',
  Person: 'Person',
  StateBody: 'State body',
  InvestmentVehicle: 'Investment vehicle',
};
