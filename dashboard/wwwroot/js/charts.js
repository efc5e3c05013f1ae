// Draws every chart on the page from its JSON island (<script type="application/json" data-chart-for="id">).
// The figures are data, not code, so the Content-Security-Policy allows no inline script at all.
(function () {
  "use strict";
  function draw() {
    document.querySelectorAll('script[type="application/json"][data-chart-for]').forEach(function (island) {
      var target = document.getElementById(island.getAttribute("data-chart-for"));
      if (!target || !window.Plotly) { return; }
      var figure = JSON.parse(island.textContent);
      window.Plotly.newPlot(target, figure.data, figure.layout, figure.config);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
