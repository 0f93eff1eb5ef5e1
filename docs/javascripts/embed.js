// An embedded view tells the page that frames it how tall its content is, in pym.js's message
// ("pymxPYMx<childId>xPYMxheightxPYMx<pixels>"), so the host's few lines (or pym.js) size the
// iframe to it; again whenever the content's height changes. Readable without it at a fixed height.
// One event's embed on a long timeline holds no card of its own: it shows the card its period's page
// has (the same HTML), taken from that page, its links made absolute so they still lead there.
(function () {
  "use strict";
  var holder = document.querySelector(".tl-embed-event[data-from]");
  var wanted = decodeURIComponent(window.location.hash.slice(1));
  if (holder && wanted) {
    var from = new URL(holder.getAttribute("data-from"), window.location.href);
    fetch(from.href).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (text) {
      var found = new DOMParser().parseFromString(text, "text/html").getElementById(wanted);
      var card = found && found.closest("article.tl-event");
      if (!card) { return; }
      card = document.importNode(card, true);
      card.querySelectorAll("[href]").forEach(function (link) {
        link.setAttribute("href", new URL(link.getAttribute("href"), from).href);
      });
      holder.replaceChildren(card);
    }).catch(function () { /* the link to the period's page stays */ });
  }
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
