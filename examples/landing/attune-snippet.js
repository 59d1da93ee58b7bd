// Attune's optional pre-load snippet: queues calls made before attune.js has loaded.
window.attune = window.attune || function () { (window.attune.q = window.attune.q || []).push(arguments); };
