// kernel.js of the lif-java kernelspec (bin/install-kernel copies it there from the lif jar). The classic
// Notebook (6) loads it as soon as a notebook page has picked this kernel, before any cell runs: it starts
// loading plotly.js then, so the first figure of the page draws as soon as its cell finishes instead of
// waiting for plotly.js. Same module name, paths and shared promise as the figures' own loader
// (lif.plot.PlotlyHtml), which uses this load when it has started. JupyterLab and Notebook 7 ignore kernel.js.
define(function () {
  "use strict";
  // the same address as lif.plot.PlotlyHtml.CDN; Maven fills in the pinned package and version
  var CDN = "https://cdn.jsdelivr.net/npm/${plotly.package}@${plotly.version}/${plotly.module}";
  return {
    onload: function () {
      var req = window.requirejs;
      if (typeof req !== "function" || window.Plotly || window.__lifPlotly) { return; }
      var base = document.body && document.body.dataset ? document.body.dataset.baseUrl : null;
      var paths = base ? [base.replace(/\/?$/, "/") + "nbextensions/lif-plotly/plotly", CDN] : [CDN];
      req.config({paths: {"lif-plotly": paths}});
      var p = new Promise(function (resolve, reject) { req(["lif-plotly"], resolve, reject); });
      window.__lifPlotly = p;
      // a failed preload is forgotten: the first figure tries again and shows why it cannot draw
      p.catch(function () { if (window.__lifPlotly === p) { window.__lifPlotly = undefined; } });
    }
  };
});
