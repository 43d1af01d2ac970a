// The book's own script, run on every page after Material's bundle. It loads plotly.js and MathJax only on
// pages that need them, from the site's own assets/vendor/ (no network), then
//  - draws each Plotly figure from the JSON the page carries in data-figure (see OutputHtml.cs), and
//  - typesets the math that arithmatex marked with class "arithmatex" (and nothing else: outputs stay text).
// When everything is drawn, <html> gets data-book-ready="true" (the site's browser test waits for it).
(function () {
  "use strict";
  var vendor = new URL("../vendor/", document.currentScript.src);
  var pending = [];

  function load(path) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(path, vendor).href;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("book.js: could not load " + script.src)); };
      document.head.appendChild(script);
    });
  }

  function draw(element) {
    var figure = JSON.parse(element.getAttribute("data-figure"));
    var config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
    var layout = Object.assign({}, figure.layout || {});
    delete layout.width;   // the page decides the width; a fixed one would overflow on a phone
    return Plotly.newPlot(element, figure.data || [], layout, config);
  }

  var figures = Array.prototype.slice.call(document.querySelectorAll(".nb-plotly"));
  if (figures.length > 0) {
    pending.push(load("plotly.min.js").then(function () { return Promise.all(figures.map(draw)); }));
  }

  if (document.querySelector(".arithmatex")) {
    window.MathJax = {
      tex: { inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]], processEscapes: true, processEnvironments: true },
      options: { ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex" },
      svg: { fontCache: "global" }
    };
    pending.push(load("mathjax/tex-svg-full.js").then(function () { return window.MathJax.startup.promise; }));
  }

  Promise.all(pending).then(
    function () { document.documentElement.setAttribute("data-book-ready", "true"); },
    function (error) { console.error(error); document.documentElement.setAttribute("data-book-ready", "failed"); });
})();
