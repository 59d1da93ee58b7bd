import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html-template';

describe('html', () => {
  it('escapes text interpolations in content and in attributes', () => {
    const evil = `"><img src=x onerror=alert(1)>'`;
    expect(html`<p title="${evil}">${evil}</p>`.__safeHtml).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;</p>',
    );
  });

  it('keeps markup built by html, joins lists and drops null, undefined and false', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}</ul>`.__safeHtml).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('escapes a forged markup object, such as one parsed from JSON, like text', () => {
    const forged = JSON.parse('{"__safeHtml":"<script>alert(1)</script>"}') as string;
    expect(html`${forged}`.__safeHtml).toBe('{&quot;__safeHtml&quot;:&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;}');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
