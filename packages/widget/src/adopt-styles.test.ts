// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adoptStyles } from './adopt-styles';

describe('adoptStyles', () => {
  it('adopts a constructable stylesheet when the shadow root supports it', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    adoptStyles(root, '.card{color:red}');
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.adoptedStyleSheets[0]!.cssRules[0]!.cssText).toContain('.card');
    expect(root.querySelector('style')).toBeNull();
  });

  it('keeps sheets already adopted', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    adoptStyles(root, '.a{color:red}');
    adoptStyles(root, '.b{color:blue}');
    expect(root.adoptedStyleSheets).toHaveLength(2);
  });

  it('falls back to a <style> element inside the shadow root without adoptedStyleSheets', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    root.append(document.createElement('p'));
    Object.defineProperty(root, 'adoptedStyleSheets', { value: undefined });
    adoptStyles(root, '.card{color:red}');
    const style = root.firstChild as HTMLStyleElement;
    expect(style.nodeName).toBe('STYLE');
    expect(style.textContent).toBe('.card{color:red}');
  });
});
