// WCAG 2.1 AA: every text colour the stylesheet sets has at least 4.5:1 contrast against
// the background the same rule sets (the page's white or near-white panels otherwise; the
// dark header for header rules). Relative luminance and ratio as WCAG 2.1 defines them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const css = readFileSync(fileURLToPath(new URL('./styles.css', import.meta.url)), 'utf8');
const vars = new Map([...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{3,8})/gi)].map((m) => [m[1], m[2]]));

function hex(value: string): string | null {
  const v = value.trim().replace(/\s*!important$/, '');
  const named: Record<string, string> = { '#fff': '#ffffff', white: '#ffffff' };
  const m = /^var\(--([a-z-]+)\)$/i.exec(v);
  const h = m ? vars.get(m[1]) : named[v] ?? v;
  if (!h || !/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(h)) return null;
  return h.length === 4 ? `#${[...h.slice(1)].map((c) => c + c).join('')}` : h;
}

function luminance(h: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map((m) => ({ selector: m[1].trim(), body: m[2] }));

describe('text contrast (WCAG AA, 4.5:1)', () => {
  it('knows the formula', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  const cases = rules.flatMap(({ selector, body }) => {
    const color = /(?:^|;)\s*color:\s*([^;]+)/.exec(body)?.[1];
    if (!color || selector.startsWith(':root') || selector.includes('::placeholder')) return [];
    const fg = hex(color);
    if (!fg) return [];
    const bgValue = /background(?:-color)?:\s*([^;]+)/.exec(body)?.[1];
    const bg = (bgValue && hex(bgValue)) ?? (selector.startsWith('header.top') ? '#1d2733' : '#ffffff');
    return [{ selector, fg, bg }];
  });
  it('finds the text colours', () => expect(cases.length).toBeGreaterThan(30));
  it.each(cases)('$selector: $fg on $bg', ({ fg, bg }) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
