import { describe, expect, it } from 'vitest';
import { escapeXml, textWidth, truncateToWidth, wrapToWidth } from '../../src/charts/text.ts';

const font = { size: 22 };

describe('escapeXml', () => {
  it('escapes markup characters', () => {
    expect(escapeXml(`Kent & Medway <script>"x"'y'`)).toBe('Kent &amp; Medway &lt;script&gt;&quot;x&quot;&apos;y&apos;');
  });

  it('drops characters XML cannot carry at all', () => {
    expect(escapeXml('a\u0000b\u001Fc\uFFFEd\uD800e')).toBe('abcde');
    expect(escapeXml('tab\tand\nnewline 😀')).toBe('tab\tand\nnewline 😀');
    expect(escapeXml('a\u00A0b')).toBe('a&#160;b');
  });
});

describe('truncateToWidth', () => {
  it('leaves text that fits alone', () => {
    expect(truncateToWidth('Devon', 400, font)).toBe('Devon');
  });

  it('cuts long text to the width with an ellipsis and no dangling comma', () => {
    const name = 'Bath and North East Somerset, Swindon and Wiltshire';
    const cut = truncateToWidth(name, 350, font);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, font)).toBeLessThanOrEqual(350);
    expect(cut).not.toMatch(/[, ]…$/);
  });

  it('measures bold text as wider', () => {
    expect(textWidth('Somerset', { size: 22, bold: true })).toBeGreaterThan(textWidth('Somerset', font));
  });
});

describe('wrapToWidth', () => {
  it('wraps at word boundaries and caps the number of lines', () => {
    const text = 'Source: a long footnote that certainly needs more than one line at this width to be read in full by anyone';
    const lines = wrapToWidth(text, 300, font, 3);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(textWidth(line, font)).toBeLessThanOrEqual(300);
    expect(lines[2]?.endsWith('…')).toBe(true);
  });

  it('returns the text whole when it fits', () => {
    expect(wrapToWidth('Short note', 300, font, 2)).toEqual(['Short note']);
  });
});
