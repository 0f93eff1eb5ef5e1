// An embedded view tells the page that frames it how tall its content is, in pym.js's message
// ("pymxPYMx<childId>xPYMxheightxPYMx<pixels>"), so the host's few lines (or pym.js) size the
// iframe to it; again whenever the content's height changes. Readable without it at a fixed height.
(function () {
  "use strict";
  if (window.parent === window) { return; }
  var params = new URLSearchParams(window.location.search);
  var marker = document.querySelector("[data-child-id]");
  var id = params.get("childId") || (marker && marker.getAttribute("data-child-id")) || "timeline-embed";
  var content = document.querySelector(".md-content") || document.body;
  var last = 0;

  function send() {
    var height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY + 16);
    if (height !== last) {
      last = height;
      window.parent.postMessage("pymxPYMx" + id + "xPYMxheightxPYMx" + height, "*");
    }
  }

  document.documentElement.classList.add("tl-embedded");
  send();
  window.addEventListener("load", send);
  window.addEventListener("resize", send);
  if (window.ResizeObserver) { new ResizeObserver(send).observe(content); }
  document.addEventListener("toggle", send, true);  // a date line opened or closed
})();
