// Attune's optional pre-load snippet: paste it inline or load it before attune.js.
// Calls made before attune.js has loaded wait in attune.q and are replayed in order.
window.attune =
  window.attune ||
  function () {
    (window.attune.q = window.attune.q || []).push(arguments);
  };
