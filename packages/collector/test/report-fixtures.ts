/**
 * A deterministic, generated data set for the friction report: valid wire
 * events (they pass the collector's schema and personal-data check) for one
 * site over 14 days, with rule funnels built to known figures so tests can
 * assert them exactly. Friction signals are random but seeded.
 */

/** The site the events are for. */
export const REPORT_SITE = 'shop';
/** Midnight UTC of the first day. */
export const REPORT_START = Date.UTC(2026, 10, 2);
export const REPORT_DAYS = 14;
const DAY = 86_400_000;

/**
 * The figures the generated rules were built to. `pricing-help` converts
 * 128 of 400 with help against 20 of 100 held out; ten more treatment
 * visitors converted before the rule fired and must not count.
 */
export const REPORT_EXPECTED = {
  goal: 'signup',
  pricingHelp: {
    treatment: 400,
    holdout: 100,
    shown: 400,
    engaged: 120,
    dismissed: 150,
    convertedTreatment: 128,
    convertedHoldout: 20,
    convertedBefore: 10,
  },
  signupNudge: { treatment: 200, holdout: 12, shown: 200, engaged: 60, dismissed: 30 },
  faqCard: { treatment: 60, shown: 60, engaged: 8, dismissed: 25 },
  exitOffer: { decisions: 150 },
  /** A page with only five visitors: folded away, never shown. */
  tinyPage: '/legacy/old-form',
  /** A target and a path crafted by a hostile page, each from 25 visitors: must show as text. */
  hostileTarget: '<img src=x onerror=alert(1)>',
  hostilePath: '/q/"><svg onload=alert(1)>',
} as const;

// mulberry32: small, seedable, good enough for test data.
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// Letters only: visitor ids must not read as phone numbers.
const letters = (n: number, width = 4) => {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
};

/** Generates the events, oldest first, each with a UUIDv7 built from its time and a counter. */
export function reportEvents(seed = 8): Record<string, unknown>[] {
  const random = rng(seed);
  const pick = <T>(weighted: readonly (readonly [T, number])[]): T => {
    let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of weighted) if ((r -= w) < 0) return value;
    return weighted[weighted.length - 1]![0];
  };
  let counter = 0;
  const uuid = (ts: number) => {
    const c = counter++;
    const hex = ts.toString(16).padStart(12, '0');
    const tail = (c * 2654435761 + 0x9e3779b9).toString(16).padStart(12, 'a').slice(-12);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${(c & 0xfff).toString(16).padStart(3, '0')}-a${((c >> 12) & 0xfff).toString(16).padStart(3, '0')}-${tail}`;
  };
  const events: Record<string, unknown>[] = [];
  const visitor = (prefix: string, n: number) => ({
    vid: `${prefix}_${letters(n)}`,
    device: pick([
      ['desktop', 6],
      ['mobile', 3],
      ['tablet', 1],
    ] as const),
    referrer: pick([
      ['search', 4],
      ['direct', 2.5],
      ['social', 1.5],
      ['paid', 1],
      ['email', 1],
    ] as const),
  });
  type Who = ReturnType<typeof visitor>;
  const PURPOSE: Record<string, string> = {
    signal: 'measurement',
    conversion: 'measurement',
    vital: 'measurement',
    dropped: 'measurement',
  };
  const emit = (who: Who, ts: number, path: string, type: string, fields: Record<string, unknown>) => {
    events.push({ id: uuid(ts), type, purpose: PURPOSE[type] ?? 'help', ts, path, ...who, ...fields });
  };
  const dayTime = (day: number) => REPORT_START + day * DAY + Math.floor((8 + random() * 12) * 3_600_000);

  // Browsing visitors and their friction.
  const pages = [
    ['/pricing', 5],
    ['/checkout', 4],
    ['/signup', 3],
    ['/docs/getting-started', 2],
    ['/', 3],
  ] as const;
  const targets: Record<string, readonly (readonly [string, string, number])[]> = {
    '/pricing': [
      ['rage_click', '[data-attune="plan-team"]', 3],
      ['dead_click', '.plan-feature-tooltip', 3],
      ['hesitation', 'page', 2],
      ['exit_intent', 'page', 2],
    ],
    '/checkout': [
      ['form_error', '#card-number', 4],
      ['form_error', '#postcode', 2],
      ['form_abandon', '#card-number', 2],
      ['form_abandon', '#coupon', 1],
      ['error_click', '#pay', 2],
      ['slow_interaction', '#pay', 1],
    ],
    '/signup': [
      ['form_error', '#password', 3],
      ['form_correction', '#email-field', 2],
      ['form_abandon', '#password', 2],
      ['dead_click', '[data-attune="sso-google"]', 1],
    ],
    '/docs/getting-started': [
      ['dead_click', '.code-copy', 2],
      ['hesitation', 'page', 2],
      ['slow_interaction', '.search-box', 1],
    ],
    '/': [
      ['rage_click', '.hero-video', 2],
      ['exit_intent', 'page', 1],
      ['dead_click', '.logo-strip', 1],
    ],
  };
  for (let n = 0; n < 600; n++) {
    const who = visitor('vis', n);
    const first = Math.floor(random() * REPORT_DAYS);
    const visitDays = [
      first,
      ...(random() < 0.3 && first < REPORT_DAYS - 1 ? [first + 1 + Math.floor(random() * (REPORT_DAYS - 1 - first))] : []),
    ];
    for (const day of visitDays) {
      const path = pick(pages);
      let ts = dayTime(day);
      // Rage clicks on pricing fall off once help went live in the second week.
      const burst = path === '/pricing' && day < 7 ? 3 : 1;
      for (let k = 0; k < burst; k++) {
        if (random() < 0.55) {
          const [signal, target] = pick(targets[path]!.map(([s, t, w]) => [[s, t] as const, w] as const));
          emit(who, (ts += 4000), path, 'signal', {
            signal,
            target,
            count: signal === 'rage_click' ? 3 + Math.floor(random() * 4) : 1,
            ...(random() < 0.3 ? { confidence: 'high' } : {}),
          });
        }
      }
      if (random() < 0.5) {
        const slow = path === '/checkout' ? 1.6 : 1;
        emit(who, (ts += 1000), path, 'vital', { name: 'LCP', value: Math.round((1200 + random() * 1800) * slow), rating: 'good' });
        emit(who, (ts += 1000), path, 'vital', { name: 'INP', value: Math.round((80 + random() * 220) * slow), rating: 'good' });
        emit(who, (ts += 1000), path, 'vital', { name: 'CLS', value: Math.round(random() * 20) / 100, rating: 'good' });
      }
    }
  }
  // A page too small to show, and hostile strings from enough visitors to show.
  for (let n = 0; n < 5; n++)
    emit(visitor('tiny', n), dayTime(3), REPORT_EXPECTED.tinyPage, 'signal', { signal: 'rage_click', target: '#old-submit', count: 4 });
  for (let n = 0; n < 25; n++) {
    emit(visitor('odd', n), dayTime(5 + (n % 5)), REPORT_EXPECTED.hostilePath, 'signal', {
      signal: 'dead_click',
      target: REPORT_EXPECTED.hostileTarget,
      count: 1,
    });
  }

  // Rule funnels, built to the expected figures.
  const goal = REPORT_EXPECTED.goal;
  const p = REPORT_EXPECTED.pricingHelp;
  for (let n = 0; n < p.treatment + p.holdout; n++) {
    const who = visitor('ph', n);
    const held = n >= p.treatment;
    let ts = dayTime(n % REPORT_DAYS);
    if (!held && n < p.convertedBefore) emit(who, ts - 3_600_000, '/signup', 'conversion', { goal });
    emit(who, ts, '/pricing', 'signal', { signal: 'rage_click', target: '[data-attune="plan-team"]', count: 4 });
    emit(who, (ts += 500), '/pricing', 'decision', {
      rule: 'pricing-help',
      shadow: false,
      holdout: held,
      evidence: [{ signal: 'rage_click', target: '[data-attune="plan-team"]', count: 4 }],
    });
    if (held) {
      if (n - p.treatment < p.convertedHoldout) emit(who, (ts += 600_000), '/signup', 'conversion', { goal });
      continue;
    }
    emit(who, (ts += 300), '/pricing', 'shown', { rule: 'pricing-help' });
    if (n < p.engaged) emit(who, (ts += 8000), '/pricing', 'engaged', { rule: 'pricing-help', action: 'link' });
    else if (n < p.engaged + p.dismissed) emit(who, (ts += 5000), '/pricing', 'dismissed', { rule: 'pricing-help', kind: 'dismiss' });
    // Treatment converters after help: the 128 visitors right after the ten who converted before it fired.
    if (n >= p.convertedBefore && n < p.convertedBefore + p.convertedTreatment)
      emit(who, (ts += 600_000), '/signup', 'conversion', { goal });
    // A conversion on another goal never counts.
    if (n % 50 === 7) emit(who, (ts += 1000), '/newsletter', 'conversion', { goal: 'newsletter' });
  }
  const s = REPORT_EXPECTED.signupNudge;
  for (let n = 0; n < s.treatment + s.holdout; n++) {
    const who = visitor('sn', n);
    const held = n >= s.treatment;
    let ts = dayTime(n % REPORT_DAYS);
    emit(who, ts, '/signup', 'decision', {
      rule: 'signup-nudge',
      shadow: false,
      holdout: held,
      evidence: [{ signal: 'form_error', target: '#password', count: 2 }],
    });
    if (held) continue;
    emit(who, (ts += 300), '/signup', 'shown', { rule: 'signup-nudge' });
    if (n < s.engaged) emit(who, (ts += 4000), '/signup', 'engaged', { rule: 'signup-nudge', action: 'helpful_yes' });
    else if (n < s.engaged + s.dismissed) emit(who, (ts += 4000), '/signup', 'dismissed', { rule: 'signup-nudge', kind: 'snooze' });
    if (n % 4 === 0) emit(who, (ts += 60_000), '/signup', 'conversion', { goal });
  }
  const f = REPORT_EXPECTED.faqCard;
  for (let n = 0; n < f.treatment; n++) {
    const who = visitor('faq', n);
    let ts = dayTime(n % REPORT_DAYS);
    emit(who, ts, '/docs/getting-started', 'decision', {
      rule: 'faq-card',
      shadow: false,
      evidence: [{ signal: 'hesitation', target: 'page', count: 1 }],
    });
    emit(who, (ts += 300), '/docs/getting-started', 'shown', { rule: 'faq-card' });
    if (n < f.engaged) emit(who, (ts += 4000), '/docs/getting-started', 'engaged', { rule: 'faq-card', action: 'helpful_yes' });
    else if (n < f.engaged + f.dismissed)
      emit(who, (ts += 4000), '/docs/getting-started', 'dismissed', { rule: 'faq-card', kind: 'never' });
  }
  // A shadow rule: would have shown on pricing (120) and checkout (30).
  for (let n = 0; n < REPORT_EXPECTED.exitOffer.decisions; n++) {
    emit(visitor('ex', n), dayTime(n % REPORT_DAYS), n < 120 ? '/pricing' : '/checkout', 'decision', {
      rule: 'exit-offer',
      shadow: true,
      evidence: [{ signal: 'exit_intent', target: 'page', count: 1 }],
    });
  }
  // Devices that dropped events before sending report it.
  emit(visitor('drop', 0), dayTime(9), '/checkout', 'dropped', { count: 12, reason: 'queue full' });
  return events.sort((a, b) => (a.ts as number) - (b.ts as number));
}

/** Splits events into wire batches of `size` for POST /collect. */
export function reportBatches(events: Record<string, unknown>[], size = 400): Record<string, unknown>[] {
  const batches = [];
  for (let i = 0; i < events.length; i += size) {
    batches.push({ v: 1, site: REPORT_SITE, sent: REPORT_START + REPORT_DAYS * DAY, events: events.slice(i, i + size) });
  }
  return batches;
}
