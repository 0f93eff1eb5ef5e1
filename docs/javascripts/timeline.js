// Timeline page enhancements: filters whose state lives in the URL, and copy-link buttons.
// The page is complete and readable without this file; it only adds to it.
(function () {
  "use strict";

  // The words this script writes: English as written here, or the page's language's, which the
  // generator puts in a `.tl-words` element (from its catalog) when the site is in another language.
  var WORDS = {
    copy: "Copy link",
    embed: "Embed",
    embedded: "Embed code copied",
    copied: "Link copied",
    failed: "Copy failed: %(url)s",
    all: { one: "%(num)d event", other: "%(num)d events" },
    shown: { one: "Showing %(shown)s of %(num)d event", other: "Showing %(shown)s of %(num)d events" }
  };
  var given = document.querySelector(".tl-words[data-words]");
  if (given) {
    try { WORDS = JSON.parse(given.getAttribute("data-words")); } catch (error) { /* keep English */ }
  }

  function say(message, values) {
    return message.replace(/%\((\w+)\)[ds]/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function sayCount(forms, number, values) {
    var category = "other";
    try { category = new Intl.PluralRules(document.documentElement.lang || "en").select(number); } catch (error) { /* other */ }
    values.num = number;
    return say(forms[category] || forms.other, values);
  }

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function setUpFilters(form, articles) {
    var count = form.querySelector(".tl-count");
    var items = articles.map(function (article) {
      return {
        article: article,
        tags: (article.getAttribute("data-tags") || "").split(" "),
        entities: (article.getAttribute("data-entities") || "").split(" "),
        text: (article.querySelector(".tl-title").textContent + " " +
               article.querySelector(".tl-summary").textContent).toLowerCase()
      };
    });
    var headings = Array.prototype.slice.call(document.querySelectorAll("h2.tl-year, h3.tl-month"));

    function hasVisibleEvent(heading) {
      var level = heading.tagName;
      for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
        if (node.tagName === "H2" || (level === "H3" && node.tagName === "H3")) { break; }
        if (node.matches("article.tl-event") && !node.hidden) { return true; }
      }
      return false;
    }

    function apply() {
      var tag = form.elements.tag.value;
      var entity = form.elements.entity.value;
      var query = words(form.elements.q.value);
      var shown = 0;
      items.forEach(function (item) {
        var visible = (!tag || item.tags.indexOf(tag) !== -1) &&
          (!entity || item.entities.indexOf(entity) !== -1) &&
          query.every(function (word) { return item.text.indexOf(word) !== -1; });
        item.article.hidden = !visible;
        if (visible) { shown += 1; }
      });
      headings.forEach(function (heading) { heading.hidden = !hasVisibleEvent(heading); });
      count.textContent = shown === items.length ? sayCount(WORDS.all, items.length, {}) :
        sayCount(WORDS.shown, items.length, { shown: shown });
      var params = new URLSearchParams(window.location.search);
      [["tag", tag], ["entity", entity], ["q", form.elements.q.value.trim()]].forEach(function (pair) {
        if (pair[1]) { params.set(pair[0], pair[1]); } else { params.delete(pair[0]); }
      });
      var search = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") +
        window.location.hash);
    }

    var params = new URLSearchParams(window.location.search);
    form.elements.tag.value = params.get("tag") || "";
    form.elements.entity.value = params.get("entity") || "";
    form.elements.q.value = params.get("q") || "";
    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    document.querySelectorAll("a.tl-tag").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        form.elements.tag.value = link.textContent;
        apply();
        form.scrollIntoView({ block: "start" });
      });
    });
    apply();
    // a deep link to an event the filters hide would land nowhere: show everything instead
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    var article = target && target.closest("article.tl-event");
    if (article && article.hidden) {
      form.reset();
      window.setTimeout(function () { target.scrollIntoView(); }, 0);
    }
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "absolute";
    field.style.left = "-9999px";
    document.body.appendChild(field);
    field.select();
    var copied = document.execCommand("copy");
    document.body.removeChild(field);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function escapeAttribute(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  function addButton(meta, className, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = text;
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(button);
    return button;
  }

  function addEmbedButton(meta, template) {
    // The card's own embed: its period's embed page at the event's anchor (pages/embeds.py)
    var button = addButton(meta, "tl-embed-button", WORDS.embed);
    button.addEventListener("click", function () {
      var article = button.closest("article.tl-event");
      var title = article.querySelector("h4.tl-title");
      var code = template.split("EVENT-ID").join(title.id)
        .replace('title=""', 'title="' + escapeAttribute(title.textContent.trim()) + '"');
      copyText(code).then(function () { button.textContent = WORDS.embedded; }, function () {
        window.prompt(WORDS.embed, code);
      });
      window.setTimeout(function () { button.textContent = WORDS.embed; }, 2500);
    });
  }

  function setUpCopyButtons() {
    // Made here, not in the page: without JavaScript a button could not copy, and a timeline of
    // 10,000 events would carry 10,000 hidden ones.
    var form = document.querySelector("form.tl-filters[data-embed]");
    var embedTemplate = form && form.getAttribute("data-embed");
    document.querySelectorAll("article.tl-event > p.tl-meta").forEach(function (meta) {
      var button = addButton(meta, "tl-copy", WORDS.copy);
      if (embedTemplate) { addEmbedButton(meta, embedTemplate); }
      button.addEventListener("click", function () {
        var anchor = button.closest("article.tl-event").querySelector("h4.tl-title").id;
        var url = window.location.origin + window.location.pathname + "#" + anchor;
        copyText(url).then(function () {
          button.textContent = WORDS.copied;
        }, function () {
          button.textContent = say(WORDS.failed, { url: url });
        });
        window.setTimeout(function () { button.textContent = WORDS.copy; }, 2500);
      });
    });
  }

  function labelSearchDialog() {
    // Material's search overlay has role="dialog" but no accessible name (axe: aria-dialog-name)
    var search = document.querySelector(".md-search[role=dialog]");
    // named as Material names its search field, in the page's language
    var field = search && search.querySelector("input[aria-label]");
    if (search && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", field ? field.getAttribute("aria-label") : "Search");
    }
  }

  function followPermanentLink() {
    // On a timeline split into period pages, timeline/#<event-id> is still the permanent link:
    // find the page that holds the event and go there.
    var index = document.querySelector(".tl-period-index");
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!index || !id || document.getElementById(id)) { return; }
    fetch(index.getAttribute("data-map")).then(function (response) { return response.json(); }).then(function (pages) {
      if (pages[id]) { window.location.replace(pages[id]); }
    });
  }

  function init() {
    labelSearchDialog();
    followPermanentLink();
    var form = document.querySelector("form.tl-filters");
    var articles = Array.prototype.slice.call(document.querySelectorAll("article.tl-event"));
    if (form && articles.length) { setUpFilters(form, articles); }
    setUpCopyButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
