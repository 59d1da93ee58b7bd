// The landing page's own behaviour: the consent banner and the lead form.
(function () {
  var CHOICE = 'ledgerly-consent';

  function applyConsent(allowed) {
    window.attune('setConsent', { measurement: allowed, help: allowed, profiling: false });
  }

  function setUpConsent() {
    var banner = document.getElementById('consent');
    var saved = null;
    try {
      saved = localStorage.getItem(CHOICE);
    } catch {
      saved = null;
    }
    if (saved === 'yes' || saved === 'no') {
      applyConsent(saved === 'yes');
      return;
    }
    banner.hidden = false;
    function choose(allowed) {
      try {
        localStorage.setItem(CHOICE, allowed ? 'yes' : 'no');
      } catch {
        /* storage blocked: ask again next time */
      }
      applyConsent(allowed);
      banner.hidden = true;
    }
    document.getElementById('consent-accept').addEventListener('click', function () {
      choose(true);
    });
    document.getElementById('consent-decline').addEventListener('click', function () {
      choose(false);
    });
  }

  function setUpForm() {
    var form = document.getElementById('lead');
    var checks = [
      {
        input: 'lead-name',
        error: 'lead-name-error',
        ok: function (el) {
          return el.value.trim().length > 1;
        },
      },
      {
        input: 'lead-email',
        error: 'lead-email-error',
        ok: function (el) {
          return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(el.value.trim());
        },
      },
      {
        input: 'lead-size',
        error: 'lead-size-error',
        ok: function (el) {
          return el.value !== '';
        },
      },
    ];
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var firstBad = null;
      checks.forEach(function (check) {
        var el = document.getElementById(check.input);
        var good = check.ok(el);
        el.setAttribute('aria-invalid', good ? 'false' : 'true');
        document.getElementById(check.error).hidden = good;
        if (!good && !firstBad) firstBad = el;
      });
      if (firstBad) {
        firstBad.focus();
        return;
      }
      form.querySelector('button[type=submit]').disabled = true;
      document.getElementById('lead-thanks').hidden = false;
      window.attune('track', 'conversion', { goal: 'demo_requested' });
    });
  }

  setUpConsent();
  setUpForm();
})();
