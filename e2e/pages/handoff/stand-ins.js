// Page-level stand-ins for the chat widgets a handoff can open, each with its vendor's documented
// global, method names and argument shapes; every call is recorded in window.chatCalls. The real
// widgets cannot be loaded here (no network but loopback).
(function () {
  var calls = (window.chatCalls = []);
  var record = function (name) {
    return function () {
      calls.push([name].concat(Array.prototype.slice.call(arguments)));
    };
  };
  window.Intercom = record('Intercom');
  window.zE = record('zE');
  window.HubSpotConversations = { widget: { open: record('HubSpotConversations.widget.open') } };
  window.$crisp = { push: record('$crisp.push') };
  window.Tawk_API = { maximize: record('Tawk_API.maximize') };
  window.fcWidget = { open: record('fcWidget.open') };
})();
