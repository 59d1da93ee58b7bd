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

  it('does not treat a look-alike plain object from outside as markup unless it has the brand', () => {
    expect(html`${{ toString: () => '<b>' } as unknown as string}`.__safeHtml).toBe('&lt;b&gt;');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
