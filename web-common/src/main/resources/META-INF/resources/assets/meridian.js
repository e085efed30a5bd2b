// Meridian's pages: the little behaviour they need, without inline scripts (the pages' CSP forbids them).
(function () {
  'use strict';
  // A button with data-confirm asks before its form is posted.
  document.addEventListener('click', function (e) {
    var b = e.target.closest('[data-confirm]');
    if (b && !window.confirm(b.getAttribute('data-confirm'))) { e.preventDefault(); }
  });
  // A button with data-copy copies the text of the element it names.
  document.addEventListener('click', function (e) {
    var b = e.target.closest('[data-copy]');
    if (!b) { return; }
    var source = document.getElementById(b.getAttribute('data-copy'));
    if (!source) { return; }
    var text = source.textContent.trim();
    var done = function () { b.textContent = 'Copied'; setTimeout(function () { b.textContent = 'Copy'; }, 2000); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done);
    } else {
      var range = document.createRange(); range.selectNodeContents(source);
      var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
      document.execCommand('copy'); sel.removeAllRanges(); done();
    }
  });
  // An element with data-refresh replaces its content with that URL's, every data-every seconds.
  document.querySelectorAll('[data-refresh]').forEach(function (el) {
    var every = (parseInt(el.getAttribute('data-every'), 10) || 5) * 1000;
    var tick = function () {
      fetch(el.getAttribute('data-refresh'), { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) { el.innerHTML = html; } })
        .catch(function () { /* keep the last content; try again next tick */ })
        .then(function () { setTimeout(tick, every); });
    };
    setTimeout(tick, every);
  });
})();
