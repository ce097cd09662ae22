// Counts the lines a label wraps to, measured with the same font the canvas draws it in, so a node can be
// exactly as tall as its name. Cytoscape wraps at spaces (and inside a word only when it must), as here.

let context: CanvasRenderingContext2D | null = null;
const cache = new Map<string, number>();

export function wrappedLineCount(text: string, font: string, maxWidth: number): number {
  const key = `${font}|${maxWidth}|${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return Math.max(1, Math.ceil((text.length * 7) / maxWidth));
  context.font = font;
  let lines = 1;
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (context.measureText(candidate).width <= maxWidth || line === '') {
      line = candidate;
      // A single word wider than the box is broken across lines.
      while (context.measureText(line).width > maxWidth && line.length > 1) {
        lines += 1;
        line = line.slice(Math.max(1, Math.floor((line.length * maxWidth) / context.measureText(line).width)));
      }
    } else {
      lines += 1;
      line = word;
    }
  }
  cache.set(key, lines);
  return lines;
}
