import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

/**
 * The committed DejaVu Sans subsets (assets/fonts/README.md), resolved from this file so rendering works from any cwd.
 * resvg draws no text at all (and reports no error) when it finds no font, so we never rely on system fonts.
 */
const FONT_FILES = ['DejaVuSans-subset.ttf', 'DejaVuSans-Bold-subset.ttf'].map((file) => join(PROJECT_ROOT, 'assets', 'fonts', file));

export function chartFontFiles(): readonly string[] {
  return FONT_FILES;
}
