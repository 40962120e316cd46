import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, join, trusted } from './html.template.ts';

test('interpolated text is escaped, nested html is not', () => {
  const note = `<script>alert("x")</script> & 'y'`;
  const out = html`<p title="${note}">${note} ${html`<b>${'<i>'}</b>`}</p>`.value;
  assert.equal(
    out,
    '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; <b>&lt;i&gt;</b></p>',
  );
});

test('arrays render in order; null, undefined and false render as nothing; numbers as text', () => {
  assert.equal(html`${[html`<li>a</li>`, 'b<']}${null}${undefined}${false}${0}`.value, '<li>a</li>b&lt;0');
});

test('trusted and join', () => {
  assert.equal(trusted('<!doctype html>').value, '<!doctype html>');
  assert.equal(join([html`<a>`, html`<b>`], ' & ').value, '<a> &amp; <b>');
});
