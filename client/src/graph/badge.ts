// Small status badges drawn onto nodes as SVG images, so a status reads as a word and a shape
// (not colour alone) and survives PNG export of the canvas.

export interface BadgeSpec {
  text: string;
  fill: string;
  ink: string;
}

const CHAR_WIDTH = 6.6; // average advance of a bold 10 px system-ui capital, rounded up
export const BADGE_HEIGHT = 18;

export function badgeWidth(text: string): number {
  return Math.ceil(text.length * CHAR_WIDTH + 14);
}

/** A pill with white text; returned as a data URI Cytoscape can use as `background-image`. */
export function badgeImage({ text, fill, ink }: BadgeSpec): string {
  const width = badgeWidth(text);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${BADGE_HEIGHT}" viewBox="0 0 ${width} ${BADGE_HEIGHT}">` +
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${BADGE_HEIGHT - 1}" rx="8.5" fill="${fill}" stroke="#ffffff" stroke-width="1"/>` +
    `<text x="${width / 2}" y="12.6" text-anchor="middle" font-family="system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif" ` +
    `font-size="10" font-weight="700" letter-spacing="0.4" fill="${ink}">${text}</text></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
