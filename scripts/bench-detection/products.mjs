// PostHog's and Datadog's browser SDKs as products under test, both from npm (devDependencies),
// served from node_modules, sending their own traffic to the corpus server's /sink/ and reporting
// each friction event through their documented before-send hooks to /hook.
//
// posthog-js options (PostHogConfig in @posthog/types): api_host, autocapture, rageclick,
// capture_dead_clicks, capture_pageview, disable_session_recording, disable_surveys,
// advanced_disable_flags, disable_external_dependency_loading, persistence,
// opt_out_useragent_filter (headless Chromium's user agent looks like a bot, whose events PostHog
// drops by default), before_send.
// @datadog/browser-rum options (RumInitConfiguration): applicationId, clientToken, site, proxy,
// sessionSampleRate, sessionReplaySampleRate, trackUserInteractions (which carries the frustration
// signals rage_click, dead_click, error_click on click actions), sessionPersistence, beforeSend.

/** PostHog's event names for the signals it shares with Attune. */
const POSTHOG_SIGNALS = { $rageclick: 'rage_click', $dead_click: 'dead_click' };

const hookProduct = (server, name, configured, head, toSignals) => ({
  name,
  configured,
  head,
  async ready(page) {
    await page.waitForLoadState('load');
  },
  async flush(page) {
    // The hooks post with sendBeacon; give the last ones a moment to land.
    if (!page.isClosed()) await page.waitForTimeout(100);
  },
  async cursor() {
    return server.hooked().length;
  },
  async since(cursor) {
    const all = server.hooked();
    const fresh = all.slice(cursor).filter((record) => record.product === name);
    return { cursor: all.length, signals: fresh.flatMap(toSignals), cards: 0 };
  },
});

/** posthog-js with autocapture, rage clicks and dead clicks on. */
export const posthogProduct = (server) =>
  hookProduct(
    server,
    'posthog',
    'posthog-js (npm, array.full.js): autocapture on, rageclick on, capture_dead_clicks on (its defaults), pageviews on, recording, surveys and remote flags off, memory persistence, bot filter off (headless Chromium), api_host = local sink; $rageclick and $dead_click read in before_send',
    () => `<script src="/npm/posthog-js/dist/array.full.js"></script>
<script>
posthog.init('phc_corpus_bench', {
  api_host: location.origin + '/sink/ph',
  autocapture: true,
  rageclick: true,
  capture_dead_clicks: true,
  capture_pageview: true,
  disable_session_recording: true,
  disable_surveys: true,
  advanced_disable_flags: true,
  disable_external_dependency_loading: true,
  persistence: 'memory',
  opt_out_useragent_filter: true,
  before_send: function (event) {
    if (event && (event.event === '$rageclick' || event.event === '$dead_click')) {
      navigator.sendBeacon('/hook', JSON.stringify({ product: 'posthog', event: event.event, path: location.pathname }));
    }
    return event;
  }
});
</script>`,
    (record) => (POSTHOG_SIGNALS[record.event] ? [{ signal: POSTHOG_SIGNALS[record.event], target: '' }] : []),
  );

/** @datadog/browser-rum with user interactions (frustration signals) on. */
export const datadogProduct = (server) =>
  hookProduct(
    server,
    'datadog',
    '@datadog/browser-rum (npm, bundle/datadog-rum.js): trackUserInteractions on (rage, dead and error clicks as frustration signals), resources and long tasks on, 100 % sessions, no replay, proxy = local sink; frustrations read in beforeSend',
    () => `<script src="/npm/@datadog/browser-rum/bundle/datadog-rum.js"></script>
<script>
DD_RUM.init({
  applicationId: '00000000-0000-4000-8000-000000000000',
  clientToken: 'pub00000000000000000000000000000000',
  site: 'datadoghq.com',
  service: 'corpus',
  proxy: location.origin + '/sink/dd',
  sessionSampleRate: 100,
  sessionReplaySampleRate: 0,
  trackUserInteractions: true,
  trackResources: true,
  trackLongTasks: true,
  sessionPersistence: 'local-storage',
  beforeSend: function (event) {
    var frustration = event.type === 'action' && event.action && event.action.frustration;
    if (frustration && frustration.type && frustration.type.length) {
      navigator.sendBeacon('/hook', JSON.stringify({ product: 'datadog', frustration: frustration.type, path: location.pathname }));
    }
    return true;
  }
});
</script>`,
    (record) => (Array.isArray(record.frustration) ? record.frustration.map((type) => ({ signal: String(type), target: '' })) : []),
  );
