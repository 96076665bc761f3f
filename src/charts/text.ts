import { glyphWidth } from './glyph-widths.ts';

/** Characters XML 1.0 forbids even when escaped; user-supplied names could carry them and resvg would refuse the SVG. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return (
    text
      .replace(XML_INVALID, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Written as a reference so the no-break space stays visible in snapshots and diffs.
      .replace(/\u00A0/g, '&#160;')
  );
}

export interface FontStyle {
  size: number;
  bold?: boolean;
}

/** Rendered width in px of text set in DejaVu Sans. */
export function textWidth(text: string, font: FontStyle): number {
  let units = 0;
  for (const char of text) units += glyphWidth(char, font.bold ?? false);
  return (units / 1000) * font.size;
}

const ELLIPSIS = '…';

/** Cuts text to fit maxWidth, ending in an ellipsis, so a long ICS name never runs into its bar. */
export function truncateToWidth(text: string, maxWidth: number, font: FontStyle): string {
  if (textWidth(text, font) <= maxWidth) return text;
  const chars = Array.from(text);
  const budget = maxWidth - textWidth(ELLIPSIS, font);
  let width = 0;
  let kept = 0;
  for (const char of chars) {
    const next = width + textWidth(char, font);
    if (next > budget) break;
    width = next;
    kept += 1;
  }
  // Drop dangling separators so "Bath and North East Somerset, …" reads as "Bath and North East Somerset…".
  const head = chars
    .slice(0, kept)
    .join('')
    .replace(/[\s,;:&–-]+$/u, '');
  return head === '' ? ELLIPSIS : `${head}${ELLIPSIS}`;
}

/** Greedy word wrap into at most maxLines lines; the last line is truncated if text remains. */
export function wrapToWidth(text: string, maxWidth: number, font: FontStyle, maxLines: number): string[] {
  const words = text.split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let current = '';
  let index = 0;
  while (index < words.length && lines.length < maxLines - 1) {
    const word = words[index] ?? '';
    const candidate = current === '' ? word : `${current} ${word}`;
    if (textWidth(candidate, font) <= maxWidth || current === '') {
      current = candidate;
      index += 1;
      if (textWidth(current, font) > maxWidth) {
        lines.push(truncateToWidth(current, maxWidth, font));
        current = '';
      }
    } else {
      lines.push(current);
      current = '';
    }
  }
  const rest = [current, ...words.slice(index)].filter((part) => part !== '').join(' ');
  if (rest !== '') lines.push(truncateToWidth(rest, maxWidth, font));
  return lines;
}
