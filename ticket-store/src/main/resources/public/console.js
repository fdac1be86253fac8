// Vigil console: says whether the page's live updates (server-sent events) are connected.
(function () {
  function show(state, text) {
    var el = document.getElementById('live-state');
    if (el) {
      el.dataset.state = state;
      el.textContent = text;
    }
  }
  document.addEventListener('htmx:sseOpen', function () { show('open', 'Live: updates appear as they happen'); });
  document.addEventListener('htmx:sseError', function () { show('closed', 'Reconnecting…'); });
})();
