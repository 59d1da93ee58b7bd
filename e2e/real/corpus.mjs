// The corpus: every page's sessions, one import per page (e2e/real/<page>/sessions.mjs). The
// Playwright spec and `pnpm bench:detection` both read this list.
import bsCarousel from './bs-carousel/sessions.mjs';
import bsCheatsheet from './bs-cheatsheet/sessions.mjs';
import bsCheckout from './bs-checkout/sessions.mjs';
import bsPricing from './bs-pricing/sessions.mjs';
import docsifyDocs from './docsify-docs/sessions.mjs';
import html5upPhantom from './html5up-phantom/sessions.mjs';
import jqvMultipart from './jqv-multipart/sessions.mjs';
import sbAgency from './sb-agency/sessions.mjs';
import sbLanding from './sb-landing/sessions.mjs';
import sbShopHomepage from './sb-shop-homepage/sessions.mjs';
import sbShopItem from './sb-shop-item/sessions.mjs';
import todomvc from './todomvc/sessions.mjs';

/**
 * Each page: its folder `name`, what `kind` of page it is, a `probe` run in the page after every
 * step (what the page shows: compared with and without an SDK), and its `sessions`: a `mood`
 * (`calm`: a competent visitor, no friction signal and no help card expected; `struggle`: each
 * step with an `expect` list must produce those signals, `tolerate` lists signals that may come
 * too) and `steps` of real input through the visitor in ./visitor.mjs.
 */
export const CORPUS = [
  { name: 'bs-carousel', ...bsCarousel },
  { name: 'bs-cheatsheet', ...bsCheatsheet },
  { name: 'bs-checkout', ...bsCheckout },
  { name: 'bs-pricing', ...bsPricing },
  { name: 'docsify-docs', ...docsifyDocs },
  { name: 'html5up-phantom', ...html5upPhantom },
  { name: 'jqv-multipart', ...jqvMultipart },
  { name: 'sb-agency', ...sbAgency },
  { name: 'sb-landing', ...sbLanding },
  { name: 'sb-shop-homepage', ...sbShopHomepage },
  { name: 'sb-shop-item', ...sbShopItem },
  { name: 'todomvc', ...todomvc },
];
