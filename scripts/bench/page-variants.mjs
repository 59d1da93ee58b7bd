// The landing-page variants the bench serves next to the original: without Attune, and with
// the web-vitals chunk loaded at idle (until the runtime loads it itself).

// What the page loads of Attune: the pre-load snippet and the script tag, with their comment.
export const ATTUNE_TAGS = /\s*<!-- Attune:[^>]*-->|\s*<script[^>]*\ssrc="\/attune\/[^"]*"[^>]*>\s*<\/script>/g;
// The landing page's own code calls `attune('setConsent', …)`: without Attune it meets a no-op,
// as it would with a page that never had Attune.
const NO_ATTUNE = '<script>window.attune = function () {};</script>';
// Until the runtime loads the vitals chunk itself, the bench loads it the way the runtime will:
// after load, when the main thread is idle.
const LOAD_VITALS = `<script type="module">
  addEventListener('load', () => requestIdleCallback(async () => {
    const { startVitals } = await import('/attune/attune-vitals.js');
    window.__vitals = [];
    startVitals({ report: (v) => __vitals.push(v), onSlowInteraction: (s) => __vitals.push(s) });
  }, { timeout: 3000 }));
</script>`;

/** The page as if it never had Attune: its script tags gone, a no-op `attune()` for the page's own calls. */
export const withoutAttune = (html) => {
  const tags = html.match(ATTUNE_TAGS) ?? [];
  const bare = html.replace(ATTUNE_TAGS, '');
  if (!tags.some((tag) => tag.includes('/attune/attune.js')) || /\/attune\//.test(bare)) {
    throw new Error('could not strip the Attune script tags from the page');
  }
  return bare.replace('</head>', `  ${NO_ATTUNE}\n</head>`);
};

/** The page with Attune, plus the web-vitals chunk imported once the page is idle after load. */
export const withVitals = (html) => html.replace('</head>', `${LOAD_VITALS}\n</head>`);
