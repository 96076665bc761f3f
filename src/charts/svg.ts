import { escapeXml, wrapToWidth, type FontStyle } from './text.ts';
import { THEME } from './theme.ts';

/** One decimal place is plenty for pixels and keeps snapshots stable. */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Baseline that centres a line of DejaVu Sans on y (its capitals are ~0.73 em tall). */
export function baselineFor(centreY: number, size: number): number {
  return px(centreY + size * 0.36);
}

export interface TextOptions extends FontStyle {
  x: number;
  y: number;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  className?: string;
}

/** A <text> element; `content` is escaped here, `rawTail` must already be markup (an escaped <tspan>). */
export function textElement(content: string, options: TextOptions, rawTail = ''): string {
  const attributes = [
    options.className ? `class="${options.className}"` : '',
    `x="${px(options.x)}"`,
    `y="${px(options.y)}"`,
    `font-size="${options.size}"`,
    options.bold ? 'font-weight="bold"' : '',
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    `fill="${options.fill ?? THEME.text}"`,
  ].filter((attribute) => attribute !== '');
  return `<text ${attributes.join(' ')}>${escapeXml(content)}${rawTail}</text>`;
}

/** Regular weight even inside a bold <text>: notes are measured, and meant to read, as regular. */
export function tspan(content: string, fill: string): string {
  return `<tspan font-weight="normal" fill="${fill}">${escapeXml(content)}</tspan>`;
}

export function rectElement(x: number, y: number, width: number, height: number, fill: string, className: string): string {
  return `<rect class="${className}" x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(height)}" fill="${fill}"/>`;
}

export function lineElement(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1): string {
  return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${stroke}" stroke-width="${width}"/>`;
}

export function svgDocument(height: number, body: readonly string[]): string {
  const h = Math.ceil(height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${THEME.width}" height="${h}" viewBox="0 0 ${THEME.width} ${h}" font-family="${THEME.fontFamily}">`,
    `<rect class="background" width="${THEME.width}" height="${h}" fill="${THEME.background}"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

export interface Block {
  elements: string[];
  /** y just below the block. */
  bottom: number;
}

/** Wrapped lines of text starting at top; returns the elements and where the next thing may start. */
export function textBlock(text: string, top: number, font: FontStyle, maxLines: number, fill: string = THEME.text): Block {
  const lineHeight = Math.round(font.size * 1.3);
  const lines = wrapToWidth(text, THEME.width - 2 * THEME.margin, font, maxLines);
  const elements = lines.map((line, index) => textElement(line, { ...font, x: THEME.margin, y: top + index * lineHeight + font.size * 0.95, fill }));
  return { elements, bottom: top + lines.length * lineHeight };
}

/** Title (up to two lines) and subtitle (up to two lines) at the top of every chart. */
export function header(title: string, subtitle: string | undefined): Block {
  const titleBlock = textBlock(title, THEME.margin, THEME.title, 2);
  if (!subtitle) return titleBlock;
  const subtitleBlock = textBlock(subtitle, titleBlock.bottom + 4, THEME.subtitle, 2, THEME.mutedText);
  return { elements: [...titleBlock.elements, ...subtitleBlock.elements], bottom: subtitleBlock.bottom };
}

/** Source notes and caveats under the chart (up to four lines). */
export function footer(footnote: string | undefined, top: number): Block {
  if (!footnote) return { elements: [], bottom: top };
  return textBlock(footnote, top + 16, THEME.footnote, 4, THEME.mutedText);
}
