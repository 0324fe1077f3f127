// wargame's page for a browser. textual.js (textual-serve's) sets window.onload to
// open the terminal; here it waits until the bundled font is loaded (so the cells
// are measured with it), and a "ping" address in the page's query is dropped (the
// page asks nothing of any other computer; "delay" wants a button this page has not).
(function () {
  window.addEventListener("DOMContentLoaded", function () {
    var start = window.onload;
    window.onload = function (event) {
      var url = new URL(window.location.href);
      if (url.searchParams.has("ping") || url.searchParams.has("delay")) {
        url.searchParams.delete("ping");
        url.searchParams.delete("delay");
        window.history.replaceState(null, "", url.pathname + url.search);
      }
      var ready = document.fonts ? document.fonts.load('16px "Roboto Mono"') : Promise.resolve();
      ready.catch(function () {}).then(function () { if (start) { start(event); } });
    };
    document.getElementById("again").addEventListener("click", function () {
      window.location.reload();
    });
  });
})();
