// Bootstrap's validation example: the submit handler asks the fields (each fires `invalid`) and cancels.
const $ = (id) => document.getElementById(id);
$('billing').addEventListener('submit', (e) => {
  if (!$('billing').checkValidity()) e.preventDefault();
  $('billing').classList.add('was-validated');
});
// A validation script that cancels the button's click: no submit event at all.
$('quote-go').addEventListener('click', (e) => {
  if (!$('quote-email').value || !$('quote-name').value) {
    e.preventDefault();
    $('quote-error').hidden = false;
  }
});
// A form handled by script that succeeds without a request: fields disabled, a thank-you shown.
$('join').addEventListener('submit', (e) => {
  e.preventDefault();
  for (const el of $('join').elements) el.disabled = true;
  $('thanks').hidden = false;
});
