// The host page's own behaviour, which must keep working whatever happens to Attune.
(function () {
  var n = 0;
  var button = document.getElementById('count');
  button.addEventListener('click', function () {
    n += 1;
    button.textContent = 'Clicked ' + n + ' times';
  });
})();
