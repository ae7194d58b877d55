/*! Galley embed: the AI-disclosure footer and reader feedback on an outlet's own page. */
// Served as /embed.js by app/embed.js/route.ts, byte for byte (its SRI hash is computed from
// these bytes, with the category list filled in at load). A classic script, no build step and
// no dependencies: it runs on pages Galley does not control, under their CSP. Everything it
// shows lives in a shadow root styled by a constructed stylesheet (allowed under
// `style-src 'self'`, unlike <style> elements or style attributes), and every text it shows
// goes in through textContent. Under Node (the unit tests) it exports its pure parts instead
// of starting. See docs/decisions/012-embed.md.
(function (factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else if (typeof document !== "undefined") api.start(document.currentScript);
})(function () {
  "use strict";

  var VERSION = "1";
  // Filled from lib/domain/feedback.ts (CATEGORY_LABEL) when the script is served.
  var CATEGORIES = /*@categories*/ [["OTHER", "Other"]]; /*@end*/
  var CONTEXT_CHARS = 40;

  // ---------------------------------------------------------------------------------------
  // Pure: the reader's selection → a Galley segment and UTF-16 offsets into its text.

  /**
   * The text with every whitespace run as one space, and for each kept character its index in
   * the original, so a match in the normalised text maps back to exact offsets.
   */
  function normalizeWithMap(text) {
    var out = "";
    var map = [];
    var inSpace = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (/\s/.test(ch)) {
        if (!inSpace) {
          out += " ";
          map.push(i);
        }
        inSpace = true;
      } else {
        out += ch;
        map.push(i);
        inSpace = false;
      }
    }
    return { text: out, map: map };
  }

  function normalizeSpace(text) {
    return normalizeWithMap(text).text;
  }

  /** How many characters `a` and `b` share at their ends (backwards) or starts (forwards). */
  function sharedEnd(a, b) {
    var n = 0;
    while (
      n < a.length &&
      n < b.length &&
      a.charAt(a.length - 1 - n) === b.charAt(b.length - 1 - n)
    )
      n++;
    return n;
  }
  function sharedStart(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a.charAt(n) === b.charAt(n)) n++;
    return n;
  }

  function findAll(haystack, needle) {
    var at = [];
    var i = haystack.indexOf(needle);
    while (i >= 0) {
      at.push(i);
      i = haystack.indexOf(needle, i + 1);
    }
    return at;
  }

  function matchOne(segments, quote, before, after) {
    var best = null;
    for (var s = 0; s < segments.length; s++) {
      var norm = normalizeWithMap(segments[s].text);
      var hits = findAll(norm.text, quote);
      for (var h = 0; h < hits.length; h++) {
        var i = hits[h];
        var score =
          sharedEnd(norm.text.slice(0, i), before) +
          sharedStart(norm.text.slice(i + quote.length), after);
        if (!best || score > best.score) {
          var start = norm.map[i];
          var end = norm.map[i + quote.length - 1] + 1;
          best = {
            score: score,
            segmentIndex: segments[s].index,
            quoteStart: start,
            quoteEnd: end,
            quote: segments[s].text.slice(start, end),
          };
        }
      }
    }
    return best;
  }

  /**
   * Where a selection on the host page sits in Galley's public text. `selection.text` is what
   * the reader selected; `before`/`after` the text around it in the same block, which picks
   * the right one when the words occur more than once. Whitespace differences are ignored.
   * A selection across paragraphs is anchored to its first paragraph that matches. Returns
   * { segmentIndex, quote, quoteStart, quoteEnd } with the quote exactly as Galley stores
   * it, or null when the text is not in the article (a CMS edit, a caption Galley lacks).
   */
  function mapSelection(segments, selection) {
    var parts = String(selection.text)
      .split(/\n\s*\n|\n/)
      .map(function (p) {
        return normalizeSpace(p).trim();
      })
      .filter(function (p) {
        return p.length > 0;
      });
    if (parts.length === 0) return null;
    var before = normalizeSpace(selection.before || "");
    var after = normalizeSpace(selection.after || "");
    var whole = parts.join(" ");
    var found = matchOne(segments, whole, before, after);
    for (var p = 0; !found && p < parts.length; p++) {
      found = matchOne(segments, parts[p], p === 0 ? before : "", "");
    }
    if (!found) return null;
    return {
      segmentIndex: found.segmentIndex,
      quote: found.quote,
      quoteStart: found.quoteStart,
      quoteEnd: found.quoteEnd,
    };
  }

  // ---------------------------------------------------------------------------------------
  // The page: footer, dialog, selection capture, requests.

  var CSS = [
    // all:initial stops inheritance from the page, but the page's own rules on the host
    // element (e.g. "* { color: red !important }") still win there, so the footer and the
    // dialog set everything they inherit themselves.
    ":host{all:initial;display:block}",
    ".footer,dialog{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1e293b;letter-spacing:normal;word-spacing:normal;text-align:left;text-transform:none}",
    ".footer{margin:1.5em 0;padding-top:.75em;border-top:1px solid #cbd5e1}",
    ".footer p{margin:0}",
    "a,button.link{color:#1e40af;text-decoration:underline;background:none;border:0;padding:0;font:inherit;cursor:pointer}",
    "dialog{max-width:32rem;width:calc(100% - 2rem);border:1px solid #94a3b8;border-radius:8px;padding:1.25rem;color:#1e293b;background:#fff;font:inherit}",
    "dialog::backdrop{background:rgba(15,23,42,.45)}",
    "h2{font-size:1.1rem;margin:0 0 .75rem}",
    "label{display:block;font-weight:600;margin:.75rem 0 .25rem}",
    "select,textarea,input{box-sizing:border-box;width:100%;font:inherit;padding:.4rem;border:1px solid #94a3b8;border-radius:4px;color:#1e293b;background:#fff}",
    "textarea{min-height:5rem;resize:vertical}",
    "blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:3px solid #94a3b8;color:#334155}",
    ".quote-choice{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.25rem 0}",
    ".quote-choice input{width:auto}",
    ".actions{display:flex;gap:.5rem;justify-content:flex-end;margin-top:1rem}",
    ".actions button{font:inherit;padding:.4rem .9rem;border-radius:4px;border:1px solid #1e40af;cursor:pointer}",
    ".primary{background:#1e40af;color:#fff}",
    ".secondary{background:#fff;color:#1e40af}",
    ".status{margin-top:.75rem}",
    ".error{color:#b91c1c}",
    ":focus-visible{outline:2px solid #2563eb;outline-offset:2px}",
  ].join("\n");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) {
      node.appendChild(c);
    });
    return node;
  }

  function applyStyles(shadow) {
    // Constructed stylesheets are not blocked by a host page's `style-src 'self'`; <style>
    // elements are. Browsers without them get an unstyled (still usable) footer.
    if ("adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function") {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        shadow.adoptedStyleSheets = [sheet];
        return;
      } catch {
        /* fall through to a <style> element */
      }
    }
    shadow.appendChild(el("style", { text: CSS }));
  }

  /** The block (paragraph, heading…) a node is in: the context for telling repeats apart. */
  function blockOf(node) {
    var elNode = node.nodeType === 1 ? node : node.parentElement;
    while (elNode && elNode.parentElement) {
      var display = window.getComputedStyle(elNode).display;
      if (display !== "inline" && display !== "contents") return elNode;
      elNode = elNode.parentElement;
    }
    return elNode;
  }

  function textBefore(block, node, offset) {
    var r = document.createRange();
    r.selectNodeContents(block);
    r.setEnd(node, offset);
    return r.toString();
  }

  /** The reader's current selection outside our own footer, with its context, or null. */
  function captureSelection(host) {
    var sel = document.getSelection && document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    if (host.contains(range.commonAncestorContainer)) return null;
    var text = sel.toString();
    if (!text.trim()) return null;
    var startBlock = blockOf(range.startContainer);
    var endBlock = blockOf(range.endContainer);
    var before = startBlock ? textBefore(startBlock, range.startContainer, range.startOffset) : "";
    var after = "";
    if (endBlock) {
      var full = endBlock.textContent || "";
      after = full.slice(textBefore(endBlock, range.endContainer, range.endOffset).length);
    }
    return {
      text: text,
      before: before.slice(-CONTEXT_CHARS),
      after: after.slice(0, CONTEXT_CHARS),
    };
  }

  function lookupUrl(base, config) {
    var q = config.url
      ? "url=" + encodeURIComponent(config.url)
      : "outlet=" +
        encodeURIComponent(config.outlet) +
        "&externalId=" +
        encodeURIComponent(config.externalId);
    return base + "/api/v1/public/articles/lookup?" + q;
  }

  function buildDialog(base, article, opener, getAnchor) {
    var uid = "galley-" + Math.random().toString(36).slice(2);
    var dialog = el("dialog", { "aria-labelledby": uid + "-title", "aria-modal": "true" });
    var form = el("form", { novalidate: "" });
    var title = el("h2", { id: uid + "-title", text: "Feedback on this translation" });
    var quoteBox = el("div");
    var category = el("select", { id: uid + "-category", name: "category" });
    CATEGORIES.forEach(function (c) {
      category.appendChild(el("option", { value: c[0], text: c[1] }));
    });
    var comment = el("textarea", { id: uid + "-comment", name: "comment", maxlength: "5000" });
    var suggestion = el("textarea", {
      id: uid + "-suggestion",
      name: "suggestion",
      maxlength: "5000",
    });
    var contact = el("input", {
      id: uid + "-contact",
      name: "contact",
      type: "email",
      autocomplete: "email",
    });
    var status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    var send = el("button", { type: "submit", class: "primary", text: "Send feedback" });
    var cancel = el("button", { type: "button", class: "secondary", text: "Cancel" });
    form.appendChild(title);
    form.appendChild(quoteBox);
    [
      [category, "What is wrong?"],
      [comment, "What did you notice?"],
      [suggestion, "Suggested translation (optional)"],
      [contact, "Your email, if you want to hear back (optional)"],
    ].forEach(function (pair) {
      form.appendChild(el("label", { for: pair[0].id, text: pair[1] }));
      form.appendChild(pair[0]);
    });
    form.appendChild(status);
    form.appendChild(el("div", { class: "actions" }, [cancel, send]));
    dialog.appendChild(form);

    var anchor = null;
    var attach = null;
    function close() {
      if (dialog.open) dialog.close();
    }
    // Escape closes a modal <dialog> natively ("cancel"); focus goes back to the link.
    dialog.addEventListener("close", function () {
      opener.focus();
    });
    cancel.addEventListener("click", close);
    // The rest of the page is inert while the modal dialog is open, so Tab stays inside it;
    // this keeps it cycling between the first and last control rather than leaving for the
    // browser's own UI.
    dialog.addEventListener("keydown", function (e) {
      if (e.key !== "Tab") return;
      var controls = Array.prototype.filter.call(
        dialog.querySelectorAll("a,button,select,textarea,input"),
        function (c) {
          return !c.disabled;
        },
      );
      var first = controls[0];
      var last = controls[controls.length - 1];
      var active = dialog.getRootNode().activeElement;
      if (e.shiftKey && active === first) {
        last.focus();
        e.preventDefault();
      } else if (!e.shiftKey && active === last) {
        first.focus();
        e.preventDefault();
      }
    });

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      status.className = "status";
      if (!comment.value.trim() && !suggestion.value.trim()) {
        status.className = "status error";
        status.textContent = "Write a comment or a suggested translation.";
        comment.focus();
        return;
      }
      var body = {
        category: category.value,
        comment: comment.value,
        suggestion: suggestion.value || undefined,
        contact: contact.value.trim() || undefined,
        revisionSeen: article.revision,
      };
      if (anchor && attach && attach.checked) {
        body.segmentIndex = anchor.segmentIndex;
        body.quote = anchor.quote;
        body.quoteStart = anchor.quoteStart;
        body.quoteEnd = anchor.quoteEnd;
      }
      send.disabled = true;
      status.textContent = "Sending…";
      fetch(base + "/api/v1/articles/" + encodeURIComponent(article.id) + "/feedback", {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      })
        .then(function (res) {
          return res
            .json()
            .catch(function () {
              return {};
            })
            .then(function (data) {
              if (!res.ok) throw new Error(data.message || "Galley answered " + res.status);
              return data;
            });
        })
        .then(function () {
          form.reset();
          anchor = null;
          quoteBox.textContent = "";
          status.textContent = "Thank you. Our editors will review your feedback.";
        })
        .catch(function (err) {
          status.className = "status error";
          status.textContent = "Your feedback was not sent: " + err.message;
        })
        .then(function () {
          send.disabled = false;
        });
    });

    return {
      dialog: dialog,
      open: function () {
        anchor = getAnchor();
        quoteBox.textContent = "";
        attach = null;
        if (anchor) {
          attach = el("input", { type: "checkbox", id: uid + "-attach", checked: "" });
          quoteBox.appendChild(el("blockquote", { text: anchor.quote }));
          quoteBox.appendChild(
            el("label", { class: "quote-choice", for: attach.id }, [
              attach,
              document.createTextNode("About the text I selected"),
            ]),
          );
        }
        status.textContent = "";
        dialog.showModal();
        category.focus();
      },
    };
  }

  function render(host, base, article) {
    var shadow = host.attachShadow({ mode: "open" });
    applyStyles(shadow);
    var footer = el("div", { class: "footer", part: "footer" });
    var line = el("p", { lang: article.disclosure.lang, "data-state": article.disclosure.state });
    line.appendChild(document.createTextNode(article.disclosure.text + " "));
    // A real link to the reading page's form: middle-click and no-dialog fallbacks still work.
    var link = el("a", {
      href: base + article.readUrl + "#feedback",
      lang: "en",
      "aria-haspopup": "dialog",
      text: "Share your feedback here",
    });
    line.appendChild(link);
    line.appendChild(document.createTextNode("."));
    footer.appendChild(line);
    shadow.appendChild(footer);

    var captured = null;
    // Clicking the link moves the selection; take it while the pointer goes down.
    function remember() {
      captured = captureSelection(host) || captured;
    }
    link.addEventListener("pointerdown", remember);
    link.addEventListener("keydown", function (e) {
      if (e.key === "Enter") remember();
    });
    var ui = buildDialog(base, article, link, function () {
      var selection = captured || captureSelection(host);
      captured = null;
      return selection ? mapSelection(article.segments, selection) : null;
    });
    shadow.appendChild(ui.dialog);
    link.addEventListener("click", function (e) {
      if (typeof ui.dialog.showModal !== "function") return; // follow the link instead
      e.preventDefault();
      ui.open();
    });
  }

  function start(script) {
    if (!script || !script.src) return;
    try {
      var base = new URL(script.src).origin;
      var config = {
        outlet: script.getAttribute("data-outlet") || "",
        externalId: script.getAttribute("data-external-id") || "",
        url: script.getAttribute("data-url") || "",
      };
      if (!config.url && !(config.outlet && config.externalId)) {
        console.warn("Galley embed: set data-outlet and data-external-id, or data-url");
        return;
      }
      // The publisher's no-JavaScript footer, if any, becomes the host: its own content stays
      // in the light DOM, hidden behind the shadow root once it renders.
      var selector = script.getAttribute("data-target");
      var host = selector ? document.querySelector(selector) : null;
      fetch(lookupUrl(base, config), { mode: "cors", credentials: "omit" })
        .then(function (res) {
          if (!res.ok) throw new Error("lookup answered " + res.status);
          return res.json();
        })
        .then(function (article) {
          if (!host) {
            host = el("div", { "data-galley-embed": VERSION });
            script.parentNode.insertBefore(host, script.nextSibling);
          }
          render(host, base, article);
        })
        .catch(function (err) {
          console.warn("Galley embed: " + err.message);
        });
    } catch (err) {
      console.warn("Galley embed: " + err.message);
    }
  }

  return {
    VERSION: VERSION,
    normalizeSpace: normalizeSpace,
    mapSelection: mapSelection,
    start: start,
  };
});
