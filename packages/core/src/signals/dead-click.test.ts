// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDeadClick } from './dead-click';
import { click, fakeContext, trusted } from './fake-context';

describe('startDeadClick', () => {
  const realFetch = window.fetch;
  let signals: ReturnType<typeof fakeContext>['signals'];
  let stop: () => void;
  let unwatch: () => void;
  const $ = (id: string) => document.getElementById(id)!;

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    document.body.innerHTML = `
      <button id="dead">Dead</button><button id="live">Live</button><button id="other">Other</button>
      <p id="text">Plain text</p><div id="box" style="cursor:pointer">Looks clickable</div>
      <a id="dl" href="/file.pdf" download>Get</a><a id="tab" href="/x" target="_blank">Open</a>
      <a id="nav" href="/elsewhere">Go</a><input id="field">
      <button id="search">Search</button><button id="refresh">Refresh</button>
      <div data-attune-ignore="dead"><button id="quiet">Quiet</button></div>
      <div id="ui" data-attune-ui></div>`;
    $('live').addEventListener('click', () => $('text').setAttribute('data-open', ''));
    $('nav').addEventListener('click', (e) => e.preventDefault());
    // happy-dom would follow these links; the guard must hold whether or not the page prevents it.
    for (const id of ['dl', 'tab']) $(id).addEventListener('click', (e) => e.preventDefault());
    // A search that takes longer than the wait: the request is still running at the verdict.
    window.fetch = () => new Promise<Response>(() => {});
    $('search').addEventListener('click', () => void window.fetch('/api/search?q=1'));
    $('refresh').addEventListener('click', () => new XMLHttpRequest().open('GET', '/api/poll?since=1'));
    const f = fakeContext(document, {}, ['/api/poll']);
    signals = f.signals;
    unwatch = f.ctx.watch!.stop;
    stop = startDeadClick(f.ctx, {});
  });
  afterEach(() => {
    stop();
    unwatch();
    window.fetch = realFetch;
    vi.useRealTimers();
  });

  const settle = async (ms: number) => {
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('emits dead_click when nothing responds within 2.5 s, and not before', async () => {
    click($('dead'));
    await settle(2400);
    expect(signals).toHaveLength(0);
    await settle(200);
    expect(signals).toEqual([expect.objectContaining({ type: 'dead_click', target: '#dead', count: 1 })]);
  });

  it('does not emit when the page mutates the DOM in response', async () => {
    click($('live'));
    await settle(3000);
    expect(signals).toHaveLength(0);
  });

  it('counts further clicks on the same pending target instead of adding candidates', async () => {
    click($('dead'));
    click($('dead'), 100, 100, { detail: 2 });
    click($('dead'), 100, 100, { detail: 3 });
    await settle(3000);
    expect(signals).toEqual([expect.objectContaining({ target: '#dead', count: 3 })]);
  });

  it('reports several dead targets clicked in a row, each after its own wait', async () => {
    click($('dead'));
    await settle(500);
    click($('other'));
    await settle(2100);
    expect(signals.map((s) => s.target)).toEqual(['#dead']);
    await settle(500);
    expect(signals.map((s) => s.target)).toEqual(['#dead', '#other']);
  });

  it('treats a pointer cursor as actionable but plain text as not', async () => {
    click($('box'));
    click($('text'));
    await settle(3000);
    expect(signals.map((s) => s.target)).toEqual(['#box']);
  });

  it('ignores download and new-tab links, text fields, ignored subtrees, untrusted and modified clicks', async () => {
    for (const id of ['dl', 'tab', 'field', 'quiet']) click($(id));
    $('dead').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    click($('dead'), 100, 100, { ctrlKey: true });
    click($('dead'), 100, 100, { button: 2 });
    await settle(3000);
    expect(signals).toHaveLength(0);
  });

  it("does not count Attune's own DOM changes as a response", async () => {
    click($('dead'));
    $('ui').append(document.createElement('div'));
    const own = document.createElement('div');
    own.setAttribute('data-attune-ui', '');
    document.body.append(own);
    await settle(3000);
    expect(signals.map((s) => s.target)).toEqual(['#dead']);
    click($('other'));
    document.body.append(document.createElement('div'));
    await settle(3000);
    expect(signals.map((s) => s.target)).toEqual(['#dead']);
  });

  it('counts scroll, focus, input and a real selection as responses', async () => {
    for (const fire of [
      () => trusted(document, new Event('scroll')),
      () => trusted($('field'), new FocusEvent('focusin', { bubbles: true })),
      () => trusted($('field'), new Event('input', { bubbles: true })),
    ]) {
      click($('dead'));
      fire();
      await settle(3000);
    }
    expect(signals).toHaveLength(0);
  });

  it('does not emit when the click starts a request that is still running at the verdict', async () => {
    click($('search'));
    await settle(3000);
    expect(signals).toHaveLength(0);
  });

  it('still emits when the only request the click starts goes to a listed polling URL', async () => {
    click($('refresh'));
    await settle(3000);
    expect(signals.map((s) => s.target)).toEqual(['#refresh']);
  });

  it('counts a link click whose navigation was prevented only if the URL stays the same', async () => {
    click($('nav'));
    await settle(3000);
    expect(signals.map((s) => s.target)).toEqual(['#nav']);
  });

  it("does not count a press on a control already current or selected (the shown slide's indicator, the open tab)", async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<button id="cur" aria-current="true">1</button><button id="sel" role="tab" aria-selected="true">A</button><button id="unsel" role="tab" aria-selected="false">B</button>',
    );
    for (const id of ['cur', 'sel', 'unsel']) click($(id));
    await settle(3000);
    expect(signals.map((s) => s.target)).toEqual(['#unsel']);
  });

  it('credits a bare "#" footer link on a scrolled page (the browser takes it to the top), not on a page at its top, when prevented, or elsewhere', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<a id="options" href="#">View options</a><footer><a id="top" href="#">Back to top</a><a id="held" href="#">Held</a></footer>',
    );
    $('held').addEventListener('click', (e) => e.preventDefault());
    Object.defineProperty(window, 'scrollY', { value: 900, configurable: true });
    try {
      click($('top'));
      click($('held'));
      click($('options'));
      await settle(3000);
      expect(signals.map((s) => s.target)).toEqual(['#held', '#options']);
    } finally {
      Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
    }
    click($('top'));
    await settle(3000);
    expect(signals.map((s) => s.target)).toEqual(['#held', '#options', '#top']);
  });

  it('counts a placeholder link clicked on a page whose URL already has a fragment (it only sets its own)', async () => {
    document.body.insertAdjacentHTML('beforeend', '<a id="privacy" href="#!">Privacy</a>');
    const at = location.href;
    history.replaceState(null, '', '#contact');
    // What the browser does for the link: the fragment becomes its own.
    $('privacy').addEventListener('click', () => history.replaceState(null, '', '#!'));
    try {
      click($('privacy'));
      await settle(3000);
      expect(signals.map((s) => s.target)).toEqual(['#privacy']);
    } finally {
      history.replaceState(null, '', at);
    }
  });

  it('stops listening after teardown', async () => {
    stop();
    click($('dead'));
    await settle(3000);
    expect(signals).toHaveLength(0);
  });
});
