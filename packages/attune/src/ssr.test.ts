// @vitest-environment node
import { describe, expect, it } from 'vitest';

describe('server-side import (Next.js, Nuxt)', () => {
  it('the built npm entry imports in Node without a window and creates an inert instance', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const { createAttune } = await import('../dist/index.js');
    const attune = createAttune({ rules: '/attune-rules.json', endpoint: '/collect' });
    await attune.ready;
    expect(attune.$help.get()).toBeNull();
    attune.setConsent({ measurement: true });
    attune.track('conversion', { goal: 'x' });
    await attune.flush();
    await attune.forget();
    attune.destroy();
  });

  it('the React and Vue bindings import in Node too', async () => {
    const react = await import('../../react/dist/index.js');
    const vue = await import('../../vue/dist/index.js');
    expect(typeof react.AttuneProvider).toBe('function');
    expect(typeof vue.createAttunePlugin).toBe('function');
  });
});
