import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeText, foldLine, writeIcs } from './ics.writer.ts';

/** A strict little RFC 5545 reader: unfolds, splits name;params:value, unescapes TEXT, nests components. */
interface Component {
  name: string;
  props: { name: string; params: Record<string, string>; value: string }[];
  children: Component[];
}

function parseIcs(text: string): Component {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical)
    assert.ok(new TextEncoder().encode(line).length <= 75, `line over 75 octets: ${line}`);
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const stack: Component[] = [{ name: 'ROOT', props: [], children: [] }];
  for (const line of logical) {
    const colon = line.indexOf(':');
    assert.ok(colon > 0, `no colon in "${line}"`);
    const [name, ...paramParts] = line.slice(0, colon).split(';');
    const params = Object.fromEntries(paramParts.map((p) => p.split('=') as [string, string]));
    const raw = line.slice(colon + 1);
    if (name === 'BEGIN') {
      const c: Component = { name: raw, props: [], children: [] };
      stack.at(-1)!.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      assert.equal(stack.pop()!.name, raw, 'balanced BEGIN/END');
    } else {
      const value = raw.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
      stack.at(-1)!.props.push({ name: name!, params, value });
    }
  }
  assert.equal(stack.length, 1);
  return stack[0]!.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);

const sessions = [
  {
    date: '2026-03-02',
    kind: 'strength',
    title: 'Kneecap pain: Settle',
    note: 'Wall sit: 5 × 45 s, rest 60 s; clamshell; bridge, slow.\nNo bouncing.',
    distanceM: null,
  },
  {
    date: '2026-03-03',
    kind: 'run',
    title: 'Easy run',
    note: `Easy run: about 6.0 km (ceiling 13.2 km). ${'Long text – with ünïcödé '.repeat(8)}`,
    distanceM: 6000,
  },
  { date: '2026-03-04', kind: 'rest', title: 'Rest', note: 'Rest day', distanceM: null },
  { date: '2026-03-31', kind: 'run', title: 'Long easy run', note: 'Long', distanceM: 12000 },
];

test('the plan parses back as a valid calendar with one all-day event per non-rest session', () => {
  const cal = parseIcs(writeIcs(sessions, { createdAt: '2026-03-01T08:05:09.123Z', planId: 'p1' }));
  assert.equal(cal.name, 'VCALENDAR');
  assert.equal(prop(cal, 'VERSION')!.value, '2.0');
  assert.ok(prop(cal, 'PRODID'));
  assert.equal(cal.children.length, 3);
  const uids = new Set<string>();
  for (const ev of cal.children) {
    assert.equal(ev.name, 'VEVENT');
    uids.add(prop(ev, 'UID')!.value);
    assert.equal(prop(ev, 'DTSTAMP')!.value, '20260301T080509Z');
    assert.equal(prop(ev, 'DTSTART')!.params.VALUE, 'DATE');
  }
  assert.equal(uids.size, 3);
  const [strength, run, long] = cal.children as [Component, Component, Component];
  assert.equal(prop(strength, 'DESCRIPTION')!.value, sessions[0]!.note, 'escaped text round-trips');
  assert.equal(prop(run, 'DESCRIPTION')!.value, sessions[1]!.note, 'folded UTF-8 round-trips');
  assert.equal(prop(run, 'SUMMARY')!.value, 'Easy run (6.0 km)');
  const miles = parseIcs(
    writeIcs(sessions, { createdAt: '2026-03-01T08:05:09Z', planId: 'p1', units: 'mi' }),
  );
  // 6000 m = 3.728 mi: the plan's one rounding (down) gives 3.7 mi.
  assert.equal(prop(miles.children[1]!, 'SUMMARY')!.value, 'Easy run (3.7 mi)');
  assert.equal(prop(long, 'DTSTART')!.value, '20260331');
  assert.equal(prop(long, 'DTEND')!.value, '20260401', 'exclusive end crosses the month');
});

test('escaping and folding follow RFC 5545', () => {
  assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`);
  for (const line of folded.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75);
  assert.equal(
    folded
      .split('\r\n')
      .map((l, i) => (i === 0 ? l : l.slice(1)))
      .join(''),
    `DESCRIPTION:${'é'.repeat(100)}`,
  );
  assert.throws(() => writeIcs([], { createdAt: 'yesterday', planId: 'x' }), /ISO-8601/);
});
