// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from './render-markdown';
import type { LinkOptions } from './safe-link';

const html = (source: string, options?: LinkOptions): HTMLElement => {
  const el = document.createElement('div');
  render(h('div', null, renderMarkdown(source, options)), el);
  return el.firstElementChild as HTMLElement;
};

describe('renderMarkdown', () => {
  it('splits paragraphs on blank lines and turns single newlines into line breaks', () => {
    const el = html('First line\nsecond line\n\nNext paragraph');
    expect(el.innerHTML).toBe('<p>First line<br>second line</p><p>Next paragraph</p>');
  });

  it('renders **bold** as <strong>', () => {
    expect(html('Pay **yearly** and save').innerHTML).toBe('<p>Pay <strong>yearly</strong> and save</p>');
  });

  it('renders - and * items as a bulleted list and 1. items as a numbered list', () => {
    expect(html('- one\n* two').innerHTML).toBe('<ul><li>one</li><li>two</li></ul>');
    expect(html('1. first\n2) second').innerHTML).toBe('<ol><li>first</li><li>second</li></ol>');
  });

  it('ends a paragraph where a list starts, and continues an item on an indented line', () => {
    expect(html('Try this:\n- clear the field\n  and retype it\nThen save.').innerHTML).toBe(
      '<p>Try this:</p><ul><li>clear the field and retype it</li></ul><p>Then save.</p>',
    );
  });

  it('opens a link to another origin in a new tab, with rel=noopener and a hidden hint', () => {
    const el = html('See [the guide](https://example.com/guide).', { newTab: '(opens in a new tab)', origin: 'https://shop.example' });
    const a = el.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.com/guide');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener');
    expect(a.textContent).toBe('the guide (opens in a new tab)');
  });

  it('opens same-page, relative and same-origin links in place, without the new-tab hint', () => {
    const el = html('[FAQ](#faq), [plans](/plans#team), [docs](docs.html) and [home](https://shop.example/)', {
      newTab: '(opens in a new tab)',
      origin: 'https://shop.example',
    });
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#faq', '/plans#team', 'docs.html', 'https://shop.example/']);
    expect(links.map((a) => [a.getAttribute('target'), a.getAttribute('rel'), a.textContent])).toEqual([
      [null, null, 'FAQ'],
      [null, null, 'plans'],
      [null, null, 'docs'],
      [null, null, 'home'],
    ]);
  });

  it('opens mailto: and tel: links in place', () => {
    const el = html('[Mail us](mailto:help@example.com) or [call](tel:+4930123)');
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['mailto:help@example.com', 'tel:+4930123']);
    expect(links.every((a) => !a.hasAttribute('target'))).toBe(true);
  });

  it.each([
    'javascript:alert`1`',
    'JaVaScRiPt:void%200',
    'data:text/html,x',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//evil.example.com',
    '/\\evil.example.com',
  ])('keeps only the label of a link to %s', (href) => {
    const el = html(`Go [click me](${href}) now`);
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toBe('Go click me now');
  });

  it('does not make a link of an href with parentheses, so javascript:alert(1) stays text', () => {
    const el = html('[click me](javascript:alert(1))');
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toBe('[click me](javascript:alert(1))');
  });

  it.each([
    'https://example.com/a',
    'http://example.com',
    '/pricing',
    'faq#plans',
    '?plan=pro',
    '#top',
    'mailto:a@example.com',
    'tel:+123',
  ])('links to the safe or relative href %s', (href) => {
    expect(html(`[x](${href})`).querySelector('a')?.getAttribute('href')).toBe(href);
  });

  it('reports the href when the visitor follows a link', () => {
    const onLink = vi.fn();
    const el = html('[Pricing](/pricing)', { onLink });
    el.querySelector('a')!.dispatchEvent(new Event('click', { bubbles: true }));
    expect(onLink).toHaveBeenCalledWith('/pricing');
  });

  it('never parses HTML: tags and entities stay visible text', () => {
    const el = html('<img src=x onerror=alert(1)> <b>hi</b> &amp; <script>x</script>');
    expect(el.querySelector('img,b,script')).toBeNull();
    expect(el.textContent).toBe('<img src=x onerror=alert(1)> <b>hi</b> &amp; <script>x</script>');
  });

  it('renders a link inside bold text and leaves an unclosed ** as text', () => {
    const el = html('**Read [docs](/docs)** and **this');
    expect(el.querySelector('strong a')?.getAttribute('href')).toBe('/docs');
    expect(el.textContent).toBe('Read docs and **this');
  });
});
