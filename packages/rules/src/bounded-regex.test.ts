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
      expect(compileBoundedRegex(bad), bad).toHaveProperty('reason');
    }
  });

  it('refuses backreferences, lookbehind, empty, overlong and invalid patterns', () => {
    expect(compileBoundedRegex('(a)\\1')).toEqual({ reason: 'backreferences are not allowed.' });
    expect(compileBoundedRegex('(?<=a)b')).toEqual({ reason: 'lookbehind is not allowed.' });
    expect(compileBoundedRegex('')).toHaveProperty('reason');
    expect(compileBoundedRegex('a'.repeat(201))).toHaveProperty('reason');
    expect(compileBoundedRegex('(unclosed')).toEqual({ reason: 'the pattern is not a valid regular expression.' });
  });
});
