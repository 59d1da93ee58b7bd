import { describe, expect, it, vi } from 'vitest';
import { LOCALES, interfaceStrings, pickLocale, textDirection, type InterfaceStrings } from './interface-strings';
import ar from './locales/ar';
import de from './locales/de';
import en from './locales/en';
import es from './locales/es';
import fr from './locales/fr';

const INTERFACE_STRINGS: Record<string, InterfaceStrings> = { en, de, fr, es, ar };

describe('pickLocale', () => {
  it('falls back from a region to its language: fr-CA → fr', () => {
    expect(pickLocale('fr-CA', ['en', 'fr'])).toBe('fr');
  });

  it('falls back to en when neither the tag nor its language is available', () => {
    expect(pickLocale('pt-BR', ['en', 'fr'])).toBe('en');
    expect(pickLocale(undefined, ['en', 'fr'])).toBe('en');
    expect(pickLocale('', ['en', 'fr'])).toBe('en');
  });

  it('prefers an exact regional match, ignoring case and accepting underscores', () => {
    expect(pickLocale('pt_br', ['en', 'pt', 'pt-BR'])).toBe('pt-BR');
    expect(pickLocale('zh-Hant-TW', ['en', 'zh-Hant'])).toBe('zh-Hant');
  });
});

describe('interfaceStrings', () => {
  it('has every key English has, non-empty, in each of de, fr, es and ar, and the same {placeholders}', () => {
    const en = INTERFACE_STRINGS.en!;
    const keys = Object.keys(en).sort();
    expect([...LOCALES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr']);
    for (const tag of ['de', 'fr', 'es', 'ar']) {
      const table = INTERFACE_STRINGS[tag]! as unknown as Record<string, string>;
      expect(
        keys.filter((key) => !(key in table)),
        `keys missing in ${tag}`,
      ).toEqual([]);
      expect(Object.keys(table).sort()).toEqual(keys);
      for (const key of keys) {
        expect(table[key]!.trim(), `${tag}.${key}`).not.toBe('');
        const slots = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
        expect(slots(table[key]!), `${tag}.${key}`).toEqual(slots((en as unknown as Record<string, string>)[key]!));
      }
    }
  });

  it('warns once with [attune] when a language lacks strings, and shows them in English', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await interfaceStrings('pt-BR', { dismiss: 'Fechar' })).toMatchObject({ dismiss: 'Fechar', snooze: 'Not now' });
      await interfaceStrings('pt');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/^\[attune\] no "pt" translation for why, snooze, /);
      expect(String(warn.mock.calls[0]![0])).not.toMatch(/dismiss/);
      // A shipped language, or a site that gives every string, warns about nothing.
      await interfaceStrings('de-AT');
      await interfaceStrings('en-GB');
      await interfaceStrings('nl', { ...en });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('localises the dismiss button name with fallback fr-CA → fr → en', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await interfaceStrings('fr-CA')).dismiss).toBe('Fermer');
    expect((await interfaceStrings('de-AT')).dismiss).toBe('Schließen');
    expect((await interfaceStrings('ja')).dismiss).toBe('Dismiss');
    warn.mockRestore();
  });

  it("lays a site's own strings over the chosen language", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const strings = await interfaceStrings('he-IL', { dismiss: 'סגירה' });
    expect(strings.dismiss).toBe('סגירה');
    expect(strings.snooze).toBe('Not now');
    expect(await interfaceStrings('de', { skip: 'Später' })).toMatchObject({ skip: 'Später', send: 'Senden' });
    warn.mockRestore();
  });
});

describe('textDirection', () => {
  it('is rtl for Arabic and Hebrew, with or without a region', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('he-IL')).toBe('rtl');
  });

  it('is ltr for left-to-right languages and for no locale', () => {
    expect(textDirection('en-US')).toBe('ltr');
    expect(textDirection('fr')).toBe('ltr');
    expect(textDirection(undefined)).toBe('ltr');
  });
});
