import { describe, expect, it } from 'vitest';
import { INTERFACE_STRINGS, interfaceStrings, pickLocale, textDirection } from './interface-strings';

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
  it('has every string in each of en, de, fr, es and ar', () => {
    const keys = Object.keys(INTERFACE_STRINGS.en!).sort();
    for (const tag of ['en', 'de', 'fr', 'es', 'ar']) {
      const table = INTERFACE_STRINGS[tag]!;
      expect(Object.keys(table).sort()).toEqual(keys);
      for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
    }
  });

  it('localises the dismiss button name with fallback fr-CA → fr → en', () => {
    expect(interfaceStrings('fr-CA').dismiss).toBe('Fermer');
    expect(interfaceStrings('de-AT').dismiss).toBe('Schließen');
    expect(interfaceStrings('ja').dismiss).toBe('Dismiss');
  });

  it("lays a site's own strings over the chosen language", () => {
    const strings = interfaceStrings('he-IL', { dismiss: 'סגירה' });
    expect(strings.dismiss).toBe('סגירה');
    expect(strings.snooze).toBe('Not now');
    expect(interfaceStrings('de', { skip: 'Später' })).toMatchObject({ skip: 'Später', send: 'Senden' });
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
