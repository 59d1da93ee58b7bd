// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { clickTarget } from './click-guard';

describe('clickTarget', () => {
  it('accepts a trusted primary-button click although click events report isPrimary false (Pointer Events 3, as Chromium does)', () => {
    document.body.innerHTML = '<button id="go">Go</button>';
    const el = document.getElementById('go')!;
    const event = new MouseEvent('click', { bubbles: true, button: 0 });
    Object.defineProperty(event, 'isTrusted', { value: true });
    Object.defineProperty(event, 'isPrimary', { value: false });
    Object.defineProperty(event, 'pointerType', { value: 'mouse' });
    Object.defineProperty(event, 'target', { value: el });
    expect(clickTarget(event, 'rage')).toBe(el);
  });
});
