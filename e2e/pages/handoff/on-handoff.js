// The site's own handoff code, registered through the pre-load queue before attune.js loads.
window.attune =
  window.attune ||
  function () {
    (window.attune.q = window.attune.q || []).push(arguments);
  };
window.handoffs = [];
window.attune('on', 'handoff', function (record) {
  window.handoffs.push(record);
});
