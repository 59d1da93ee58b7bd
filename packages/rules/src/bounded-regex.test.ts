import { describe, expect, it } from 'vitest';
import { compileBoundedRegex } from './bounded-regex';

describe('compileBoundedRegex', () => {
  it('compiles ordinary patterns', () => {
    const regex = compileBoundedRegex('^/blog/[a-z-]+$');
    expect(regex).toBeInstanceOf(RegExp);
    expect((regex as RegExp).test('/blog/hello-world')).toBe(true);
    expect(compileBoundedRegex('^(trial|customer)$')).toBeInstanceOf(RegExp);
    expect(compileBoundedRegex('(ab)+c')).toBeInstanceOf(RegExp);
    expect(compileBoundedRegex('[(+*]+')).toBeInstanceOf(RegExp);
  });

  it('refuses nested quantifiers and quantified alternations', () => {
    for (const bad of ['(a+)+$', '(a*)*', '(a|aa)*', '((a)+)+', '(x{2,})+', '(?:a+){2,}']) {
      expect(compileBoundedRegex(bad), bad).toEqual({ code: 'regex_nested_quantifier' });
    }
  });

  it('refuses backreferences, lookbehind, empty, overlong and invalid patterns', () => {
    expect(compileBoundedRegex('(a)\\1')).toEqual({ code: 'regex_backreference' });
    expect(compileBoundedRegex('(?<=a)b')).toEqual({ code: 'regex_lookbehind' });
    expect(compileBoundedRegex('')).toEqual({ code: 'regex_empty' });
    expect(compileBoundedRegex('a'.repeat(201))).toEqual({ code: 'regex_too_long' });
    expect(compileBoundedRegex('(unclosed')).toEqual({ code: 'regex_invalid' });
  });
});
