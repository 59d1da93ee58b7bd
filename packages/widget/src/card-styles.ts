/**
 * The card's whole stylesheet, adopted into the shadow root. Theme it from the host
 * page with custom properties, which inherit into the shadow tree:
 * `--attune-accent`, `--attune-accent-text`, `--attune-bg`, `--attune-fg`, `--attune-muted`,
 * `--attune-border`, `--attune-error` (each with a `-dark` twin for `prefers-color-scheme: dark`),
 * `--attune-font`, `--attune-radius`, `--attune-offset` (distance from the viewport edge),
 * `--attune-width` and `--attune-z`.
 *
 * Defaults keep text at 4.5:1 or more against the card in light and dark.
 */
export const CARD_CSS = `
:host{all:initial!important;display:contents!important}
.card{--a:var(--attune-accent,#1a56c4);--at:var(--attune-accent-text,#fff);--bg:var(--attune-bg,#fff);--fg:var(--attune-fg,#1b1d21);--mu:var(--attune-muted,#4b5059);--bd:var(--attune-border,#8a909a);--er:var(--attune-error,#b3261e);--o:var(--attune-offset,16px);
position:fixed;z-index:var(--attune-z,2147483000);box-sizing:border-box;width:min(var(--attune-width,352px),calc(100vw - 2*var(--o)));max-height:calc(100vh - 2*var(--o));overflow:auto;margin:0;padding:14px 16px;background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:var(--attune-radius,12px);box-shadow:0 8px 28px rgba(0,0,0,.2);font:15px/1.45 var(--attune-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);text-align:start;overflow-wrap:break-word}
@media (prefers-color-scheme:dark){.card{--a:var(--attune-accent-dark,#8db4ff);--at:var(--attune-accent-text-dark,#0b1730);--bg:var(--attune-bg-dark,#1d2026);--fg:var(--attune-fg-dark,#eef0f3);--mu:var(--attune-muted-dark,#b7bcc6);--bd:var(--attune-border-dark,#6b7280);--er:var(--attune-error-dark,#ffb4ab)}}
@media (prefers-reduced-motion:no-preference){.card{animation:attune-in .18s ease-out}}
@keyframes attune-in{from{opacity:0;translate:0 8px}}
.bottom-end,.bottom-start{bottom:var(--o)}.top-end,.top-start{top:var(--o)}
.bottom-end,.top-end{inset-inline-end:var(--o)}.bottom-start,.top-start{inset-inline-start:var(--o)}
.free{top:0;left:0}
.sheet{width:100%;max-height:50vh;border-radius:0;border-inline-width:0}
.off{visibility:hidden}
*{box-sizing:border-box}
.head{display:flex;align-items:flex-start;gap:8px}
h2{flex:1;margin:2px 0 0;font-size:1.07em;line-height:1.3;font-weight:650}
h3{margin:.75em 0 .25em;font-size:1em}
p{margin:.5em 0}ul,ol{margin:.5em 0;padding-inline-start:1.3em}
a{color:var(--a);text-underline-offset:2px}
button,input{font:inherit;color:inherit}
button{min-width:24px;min-height:24px;border-radius:6px;cursor:pointer;border:1px solid var(--bd);background:transparent;padding:2px 10px}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
.x{flex:none;width:32px;height:32px;margin:-6px;margin-inline-start:0;border:0;padding:0;font-size:22px;line-height:1;color:var(--mu)}
.x:hover,.t:hover{color:var(--fg)}
.links{list-style:none;padding:0;display:grid;gap:2px}
.links a{display:inline-flex;align-items:center;min-height:28px;font-weight:600}
.row{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:.75em 0 0}
.go{background:var(--a);border-color:var(--a);color:var(--at);font-weight:600;padding:4px 14px}
.t{border:0;padding:2px 4px;color:var(--mu);text-decoration:underline;text-underline-offset:2px}
.foot{display:flex;flex-wrap:wrap;gap:4px 8px;margin-top:12px;padding-top:8px;border-top:1px solid var(--bd);font-size:.875em;color:var(--mu)}
.foot>:first-child{margin-inline-end:auto}
.why{font-size:.875em;padding:4px 0}
.badge{flex:none;align-self:center;font-size:.75em;font-weight:600;border:1px solid currentColor;border-radius:4px;padding:0 6px;color:var(--mu)}
.opts{display:grid;gap:6px;margin:.5em 0;padding:0;border:0}
.opt{display:flex;align-items:center;gap:10px;width:100%;min-height:36px;text-align:start;padding:4px 10px;border:1px solid var(--bd);border-radius:8px}
.opt[aria-checked=true]{border-color:var(--a);box-shadow:inset 0 0 0 1px var(--a)}
[role=radio]:before{content:"";flex:none;width:12px;height:12px;border:2px solid var(--mu);border-radius:50%}
[aria-checked=true]:before{border-color:var(--a);background:var(--a);box-shadow:inset 0 0 0 2px var(--bg)}
@media (forced-colors:active){[aria-checked=true]:before{forced-color-adjust:none;background:Highlight}}
input[type=checkbox]{flex:none;width:18px;height:18px;margin:0;accent-color:var(--a)}
.field{display:block;width:100%;min-height:36px;margin:.5em 0 0;padding:6px 8px;border:1px solid var(--mu);border-radius:6px;background:var(--bg)}
.err{color:var(--er);font-size:.875em}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

/** The skip link's stylesheet: out of sight until it has keyboard focus, then a pill at the top start of the viewport. */
export const SKIP_CSS = `
:host{all:initial!important;display:contents!important}
a{position:fixed;z-index:2147483001;top:8px;inset-inline-start:8px;padding:8px 14px;border-radius:8px;background:#1b1d21;color:#fff;font:600 15px system-ui,sans-serif}
a:not(:focus){clip-path:inset(50%)}
`;
