// Field-grade pages: a slideshow and a counter that change by themselves, a stepper that sets
// the field's value from script (no event, no DOM change), a menu that opens far from its button.
const $ = (id) => document.getElementById(id);
let slide = 1;
setInterval(() => {
  $('slide').textContent = `Slide ${(slide = (slide % 3) + 1)}`;
}, 400);
window.ticks = 0;
setInterval(() => {
  $('clock').textContent = String(++window.ticks);
}, 1000);
$('more').addEventListener('click', () => {
  $('qty').value = String(Number($('qty').value) + 1);
});
$('less').addEventListener('click', () => {
  $('qty').value = String(Number($('qty').value) - 1);
});
$('menu').addEventListener('click', () =>
  $('menu').setAttribute('aria-expanded', String($('menu').getAttribute('aria-expanded') !== 'true')),
);
