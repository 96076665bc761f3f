/**
 * Look of every chart. Okabe–Ito colours stay distinct for the common colour-vision deficiencies; text is dark on white.
 * Sizes are for a 1000 px wide image that Discord shows at about 400 px, so 22 px text still reads as about 9 px.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  skyBlue: '#56B4E9',
} as const;

export const THEME = {
  width: 1000,
  margin: 28,
  fontFamily: 'DejaVu Sans',
  background: '#FFFFFF',
  text: '#1A1A1A',
  mutedText: '#4D4D4D',
  grid: '#D9D9D9',
  zeroLine: '#6E6E6E',
  bar: OKABE_ITO.blue,
  highlight: OKABE_ITO.vermillion,
  /** One colour per compared system, in order. */
  series: [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple] as readonly string[],
  title: { size: 32, bold: true },
  subtitle: { size: 22 },
  label: { size: 22 },
  labelBold: { size: 22, bold: true },
  heading: { size: 24, bold: true },
  tick: { size: 22 },
  footnote: { size: 22 },
  rowHeight: 40,
  barThickness: 26,
  /** Space between a bar's end and its value label, and between a label and its bar. */
  gap: 10,
  /** Row labels wider than this are truncated with an ellipsis (about 30 characters). */
  maxLabelWidth: 400,
} as const;
