/**
 * A small accessibility audit run inside the page: the checks a screen-reader or keyboard user would notice
 * first. Not a replacement for a full WCAG review, but every failure it reports is a real barrier:
 * - form controls without a label, buttons and links without an accessible name, images without alt;
 * - text whose contrast with its background is under WCAG AA (4.5:1, or 3:1 for large text);
 * - duplicate ids (labels and aria references break), a missing `lang`, no h1;
 * - content wider than the viewport (at 360 px the page must not scroll sideways).
 */
import type { Page } from 'playwright-core';

export interface AuditFinding {
  rule: string;
  detail: string;
}

export async function auditPage(page: Page): Promise<AuditFinding[]> {
  return page.evaluate(() => {
    const findings: { rule: string; detail: string }[] = [];
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = el.getAttribute('class')
        ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}`
        : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${cls}>${text ? ` "${text}"` : ''}`;
    };
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0;
    };
    const isVisuallyHidden = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (
          s.clip === 'rect(0px, 0px, 0px, 0px)' ||
          (e.getBoundingClientRect().width <= 1 && s.overflow === 'hidden')
        ) {
          return true;
        }
      }
      return false;
    };
    const accessibleName = (el: Element): string => {
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy) {
        return labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      }
      const aria = el.getAttribute('aria-label');
      if (aria) return aria.trim();
      if (
        el instanceof HTMLInputElement ||
        el instanceof HTMLSelectElement ||
        el instanceof HTMLTextAreaElement
      ) {
        const labels = el.labels ? [...el.labels].map((l) => l.textContent ?? '').join(' ') : '';
        if (labels.trim()) return labels.trim();
        if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) return el.value;
        return el.getAttribute('title') ?? '';
      }
      const text = (el.textContent ?? '').trim();
      if (text) return text;
      const img = el.querySelector('img[alt], svg[aria-label]');
      return img?.getAttribute('alt') ?? img?.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
    };

    if (!document.documentElement.lang) findings.push({ rule: 'lang', detail: '<html> has no lang' });
    if (!document.querySelector('h1')) findings.push({ rule: 'h1', detail: 'the page has no h1' });

    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      if (!visible(el) && !(el instanceof HTMLInputElement && el.type === 'file')) continue;
      if (!accessibleName(el))
        findings.push({ rule: 'label', detail: `form control without a label: ${describe(el)}` });
    }
    for (const el of document.querySelectorAll(
      'button, a[href], [role="button"], [role="checkbox"], [role="tab"]',
    )) {
      if (!visible(el)) continue;
      if (!accessibleName(el))
        findings.push({ rule: 'name', detail: `control without a name: ${describe(el)}` });
    }
    for (const el of document.querySelectorAll('img')) {
      if (!el.hasAttribute('alt'))
        findings.push({ rule: 'alt', detail: `image without alt: ${describe(el)}` });
    }
    const ids = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    for (const [id, n] of ids)
      if (n > 1) findings.push({ rule: 'duplicate-id', detail: `id "${id}" used ${n} times` });

    // Contrast: every visible element with its own text, against the first opaque background up the tree.
    const parse = (c: string): [number, number, number, number] | null => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const parts = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: [number, number, number, number]) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const backgroundOf = (el: Element): [number, number, number, number] => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3] >= 0.99) return bg;
        if (getComputedStyle(e).backgroundImage !== 'none') return [-1, -1, -1, -1];
      }
      return parse(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255, 1];
    };
    let contrastReports = 0;
    for (const el of document.querySelectorAll('body *')) {
      if (contrastReports >= 15) break;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION'].includes(el.tagName)) continue;
      if (el.closest('svg, iframe')) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
      if (!ownText || !visible(el) || isVisuallyHidden(el)) continue;
      if ((el as HTMLElement).matches(':disabled, [aria-disabled="true"]') || el.closest(':disabled'))
        continue;
      const style = getComputedStyle(el);
      const fg = parse(style.color);
      const bg = backgroundOf(el);
      if (!fg || bg[0] < 0) continue;
      const alpha = fg[3] * Number(style.opacity);
      const mixed: [number, number, number, number] = [
        fg[0] * alpha + bg[0] * (1 - alpha),
        fg[1] * alpha + bg[1] * (1 - alpha),
        fg[2] * alpha + bg[2] * (1 - alpha),
        1,
      ];
      const [l1, l2] = [luminance(mixed), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      if (ratio < needed) {
        contrastReports += 1;
        findings.push({
          rule: 'contrast',
          detail: `${ratio.toFixed(2)}:1 (needs ${needed}:1): ${describe(el)} ${style.color} on rgb(${bg.slice(0, 3).join(',')})`,
        });
      }
    }

    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (overflow > 1) {
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && visible(el))
        .filter((el) => !el.closest('.table-scroll, [data-scroll-x]'))
        .slice(0, 3)
        .map(describe);
      findings.push({
        rule: 'overflow',
        detail: `page is ${overflow}px wider than the ${window.innerWidth}px viewport: ${wide.join(', ')}`,
      });
    }
    return findings;
  });
}

/** How far the page is wider than the viewport: above 0, a chart, table or card makes it scroll sideways. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
