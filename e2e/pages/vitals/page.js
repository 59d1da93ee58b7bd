// The page's own behaviour, the same on every vitals fixture.

// A promotion banner that arrives late, without any input, and pushes the article down: a layout shift.
addEventListener('load', () => {
  setTimeout(() => {
    const banner = document.createElement('p');
    banner.className = 'late-banner';
    banner.textContent = 'Spring offer: two months free on yearly plans.';
    document.getElementById('banner-slot').append(banner);
  }, 300);
});

// A handler that blocks the main thread for about 300 ms before the page can paint its answer
// (320, so that Event Timing's 8 ms rounding cannot report less than 300).
document.getElementById('recalculate').addEventListener('click', () => {
  const until = performance.now() + 320;
  while (performance.now() < until);
  document.getElementById('total').textContent = 'Totals recalculated';
});

// A slower one, about 650 ms: past the slow-interaction detector's own 500 ms threshold.
document.getElementById('export').addEventListener('click', () => {
  const until = performance.now() + 650;
  while (performance.now() < until);
  document.getElementById('total').textContent = 'Report exported';
});

// The site's own conversion tracking.
document.getElementById('book').addEventListener('click', () => {
  window.attune && window.attune.track && window.attune.track('conversion', { goal: 'demo_booked' });
});
