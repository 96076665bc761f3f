import { createRequire } from 'node:module';

/**
 * The bundled DejaVu Sans files, resolved through node's module resolution so rendering works from any cwd.
 * resvg draws no text at all (and reports no error) when it finds no font, so we never rely on system fonts.
 */
const require = createRequire(import.meta.url);

let resolved: readonly string[] | undefined;

export function chartFontFiles(): readonly string[] {
  resolved ??= ['dejavu-fonts-ttf/ttf/DejaVuSans.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'].map((file) => require.resolve(file));
  return resolved;
}
