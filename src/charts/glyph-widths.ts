/**
 * Advance widths of DejaVu Sans (the font we bundle and render with), in thousandths of an em, read once from
 * DejaVu Sans 2.37 (npm dejavu-fonts-ttf; the subsets in assets/fonts keep the same metrics) (hmtx table). Kept as data so the SVG builders stay pure
 * and can still truncate labels where the rendered text would really overflow.
 */

/** Printable ASCII, U+0020 to U+007E, in order. */
const ASCII_REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838,
  531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390,
  838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337,
  636, 838,
];

const ASCII_BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838,
  580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457,
  838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365,
  712, 838,
];

/** Non-ASCII characters our labels use: [regular, bold]. */
const EXTRA: Readonly<Record<string, readonly [number, number]>> = {
  '\u00A0': [318, 348],
  '£': [636, 696],
  '–': [500, 500],
  '—': [1000, 1000],
  '−': [838, 838],
  '…': [1000, 1000],
  '·': [318, 380],
  '‘': [318, 380],
  '’': [318, 380],
  '“': [518, 657],
  '”': [518, 657],
  é: [615, 678],
  '€': [636, 696],
};

/** Anything else (accented letters, symbols) is assumed as wide as a capital letter: overestimating only truncates early. */
const FALLBACK: readonly [number, number] = [750, 830];

export function glyphWidth(char: string, bold: boolean): number {
  const code = char.codePointAt(0) ?? 0;
  const table = bold ? ASCII_BOLD : ASCII_REGULAR;
  if (code >= 0x20 && code <= 0x7e) return table[code - 0x20] ?? FALLBACK[bold ? 1 : 0];
  const pair = EXTRA[char] ?? FALLBACK;
  return pair[bold ? 1 : 0];
}
