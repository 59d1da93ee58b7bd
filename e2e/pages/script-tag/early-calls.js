// A site that calls Attune before attune.js has loaded: consent first, then an outcome.
window.attune('setConsent', { measurement: true, help: true });
window.attune('track', 'conversion', { goal: 'demo_booked' });
window.attune('track', 'conversion', { goal: 'newsletter' });
