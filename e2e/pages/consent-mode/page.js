document.getElementById('book').addEventListener('click', function () {
  window.attune('track', 'conversion', { goal: 'demo_booked' });
});
document.getElementById('accept').addEventListener('click', function () {
  gtag('consent', 'update', { analytics_storage: 'granted', functionality_storage: 'granted' });
});
