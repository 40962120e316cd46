/**
 * A small structural accessibility check for the report's own HTML (not a general validator): a language,
 * one h1 and no skipped heading levels, tables with a caption and scoped header cells, charts that a screen
 * reader can name (role="img", aria-label, <title>, <desc>), and alt text on any image. Returns the problems.
 */
export function accessibilityProblems(markup: string): string[] {
  const problems: string[] = [];
  if (!/<html[^>]*\slang="[a-z-]+"/i.test(markup)) problems.push('<html> has no lang attribute');
  if (!/<title>[^<]+<\/title>/.test(markup)) problems.push('document has no <title>');

  const headings = [...markup.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({
    level: Number(m[1]),
    text: (m[2] ?? '').replace(/<[^>]+>/g, '').trim(),
  }));
  if (headings.filter((h) => h.level === 1).length !== 1) problems.push('expected exactly one <h1>');
  let previous = 0;
  for (const h of headings) {
    if (h.text === '') problems.push(`empty <h${h.level}>`);
    if (previous > 0 && h.level > previous + 1)
      problems.push(`heading "${h.text}" skips from h${previous} to h${h.level}`);
    previous = h.level;
  }

  for (const [i, table] of [...markup.matchAll(/<table\b[\s\S]*?<\/table>/g)].map((m) => m[0]).entries()) {
    if (!/<caption\b[^>]*>[^<]*\S/.test(table)) problems.push(`table ${i + 1} has no caption`);
    if (!/<th\b/.test(table)) problems.push(`table ${i + 1} has no header cells`);
    for (const th of table.match(/<th\b[^>]*>/g) ?? []) {
      if (!/\sscope="(row|col|rowgroup|colgroup)"/.test(th))
        problems.push(`table ${i + 1}: ${th} has no scope`);
    }
  }

  for (const svg of [...markup.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0])) {
    const open = svg.match(/<svg\b[^>]*>/)?.[0] ?? '';
    const name = open.match(/\sid="([^"]+)"/)?.[1] ?? '(no id)';
    if (!/\srole="img"/.test(open)) problems.push(`chart ${name} has no role="img"`);
    if (!/\saria-label="[^"]*\S[^"]*"/.test(open)) problems.push(`chart ${name} has no aria-label`);
    if (!/<title\b[^>]*>[^<]*\S[^<]*<\/title>/.test(svg)) problems.push(`chart ${name} has no <title>`);
    if (!/<desc\b[^>]*>[^<]*\S[^<]*<\/desc>/.test(svg)) problems.push(`chart ${name} has no <desc>`);
  }

  for (const img of markup.match(/<img\b[^>]*>/g) ?? []) {
    if (!/\salt="[^"]*"/.test(img)) problems.push(`${img} has no alt text`);
  }
  return problems;
}
