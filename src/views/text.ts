import { escapeMarkdown } from '@discordjs/formatters';

/** Cuts text to `max` characters with an ellipsis, so a long quote can never break an embed limit. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** User text echoed back: markdown neutralised, control characters dropped, length bounded. */
export function echo(text: string, max = 100): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return escapeMarkdown(truncate(clean, max));
}

/** A Discord block quote, every line prefixed. */
export function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
