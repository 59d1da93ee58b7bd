// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isIgnored, isTextEditable, targetName } from './target';

describe('target', () => {
  const $ = (sel: string) => document.querySelector(sel)!;

  it('names an element by its data-attune labels, else a safe id, else a short structural path, never its text', () => {
    document.body.innerHTML = `
      <section data-attune="pricing"><div><button data-attune="plan-pro">Secret text</button></div></section>
      <main id="main"><p>a</p><p><button>Secret text</button><button id="user12345">Go</button></p></main>`;
    expect(targetName($('[data-attune="plan-pro"]'))).toBe('pricing/plan-pro');
    expect(targetName($('main p:nth-of-type(2) button'))).toBe('#main > p:nth-of-type(2) > button:nth-of-type(1)');
    // A long digit run looks generated or personal: the path is used instead.
    expect(targetName($('#user12345'))).toBe('#main > p:nth-of-type(2) > button:nth-of-type(2)');
    expect(targetName(document.body)).toBe('body');
  });

  it('skips generated-looking ids (library, framework or hex) and uses a safe name', () => {
    document.body.innerHTML = `<main id="shop"><div id="MixItUpD361E8"><button id="ember123">A</button><button id=":r1:">B</button>
      <button id="radix-trigger">C</button><button id="a3f9c2e1b7">D</button><input name="coupon"><input name="q7f3a9b8c1d2"></div></main>`;
    const all = [...document.querySelectorAll('#shop div > *')].map(targetName);
    expect(all).toEqual([
      '#shop > div > button:nth-of-type(1)',
      '#shop > div > button:nth-of-type(2)',
      '#shop > div > button:nth-of-type(3)',
      '#shop > div > button:nth-of-type(4)',
      'input[name=coupon]',
      '#shop > div > input:nth-of-type(2)',
    ]);
    document.body.innerHTML = `<button id="checkout-2">x</button>`;
    expect(targetName(document.body.firstElementChild!)).toBe('#checkout-2');
  });

  it('honours data-attune-ignore for every signal or a listed few, and Attune UI always', () => {
    document.body.innerHTML = `<div data-attune-ignore=""><b id="a"></b></div><div data-attune-ignore=" rage  dead "><b id="b"></b></div>
      <div data-attune-ui><b id="c"></b></div><b id="d"></b>`;
    expect(isIgnored($('#a'), 'form')).toBe(true);
    expect([isIgnored($('#b'), 'dead'), isIgnored($('#b'), 'form')]).toEqual([true, false]);
    expect(isIgnored($('#c'), 'rage')).toBe(true);
    expect(isIgnored($('#d'), 'rage')).toBe(false);
  });

  it('treats text inputs, textareas, selects and editable content as text fields, buttons and boxes not', () => {
    document.body.innerHTML = `<input id="t"><input id="e" type="EMAIL"><textarea id="x"></textarea><select id="s"></select>
      <input id="c" type="checkbox"><input id="b" type="submit"><button id="n"></button>`;
    expect(['t', 'e', 'x', 's', 'c', 'b', 'n'].map((id) => isTextEditable($(`#${id}`)))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
