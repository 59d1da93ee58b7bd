// The site's own modal dialog: the card keeps out of its way and leaves its Escape alone.
document.getElementById('open-terms').addEventListener('click', function () {
  document.getElementById('terms').showModal();
});
document.getElementById('close-terms').addEventListener('click', function () {
  document.getElementById('terms').close();
});
