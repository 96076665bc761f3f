import { textElement, tspan, type TextOptions } from './svg.ts';
import { textWidth, truncateToWidth, type FontStyle } from './text.ts';
import { THEME } from './theme.ts';

/** What sits just past a bar's end: its value (or why there is none) and an optional grey note in brackets. */
export interface EndLabel {
  main: string;
  note?: string;
  font: FontStyle;
  fill: string;
}

/** A no-break space: resvg drops an ordinary space at the start of a <tspan>. */
function noteText(note: string): string {
  return `\u00A0(${note})`;
}

export function endLabelWidth(label: EndLabel): number {
  const noteWidth = label.note ? textWidth(noteText(label.note), THEME.label) : 0;
  return textWidth(label.main, label.font) + noteWidth;
}

/** Renders the label within maxWidth, giving up the note before the value itself. */
export function endLabelElement(label: EndLabel, options: Omit<TextOptions, keyof FontStyle>, widthLimit: number): string {
  // Half a pixel of slack: the plot was fitted to exactly this width and float rounding must not cut a label.
  const maxWidth = widthLimit + 0.5;
  const mainWidth = textWidth(label.main, label.font);
  const main = mainWidth <= maxWidth ? label.main : truncateToWidth(label.main, maxWidth, label.font);
  let tail = '';
  if (label.note && mainWidth < maxWidth) {
    const room = maxWidth - mainWidth;
    const full = noteText(label.note);
    if (textWidth(full, THEME.label) <= room) tail = tspan(full, THEME.mutedText);
    else if (room > textWidth(noteText('…'), THEME.label)) {
      const cut = truncateToWidth(label.note, room - textWidth(noteText(''), THEME.label), THEME.label);
      tail = tspan(noteText(cut), THEME.mutedText);
    }
  }
  return textElement(main, { ...options, ...label.font, fill: label.fill, className: 'value' }, tail);
}
