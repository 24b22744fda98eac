// The phone forms' script. What a trainee types is kept on the phone (localStorage) at every
// keystroke and sent as JSON; when the Wi-Fi drops, it stays there and is sent again as soon
// as the connection is back. The response id is made here, once per filling-in, and kept with
// the draft, so a retry after a lost reply is stored once. Without this script the page still
// works as a plain form.
(function () {
  "use strict";
  var IDENTITY = "tk-identity";
  var RETRY_MS = 10000, BUSY_RETRY_MS = 45000, TIMEOUT_MS = 20000;

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: the page still works */ }
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  // The slip's QR code opens the forms with "#code=…&token=…": a fragment never reaches the
  // server or its log. Keep it on this phone and take it out of the address bar.
  var params = new URLSearchParams(location.hash.slice(1));
  if (params.get("code")) {
    save(IDENTITY, { code: params.get("code"), token: params.get("token") || "" });
    history.replaceState(null, "", location.pathname + location.search);
  }
  var identity = load(IDENTITY);
  var welcome = document.getElementById("tk-welcome");
  if (welcome && identity && identity.code) {
    welcome.textContent = fill(welcome.getAttribute("data-text"), { code: identity.code });
    welcome.hidden = false;
  }

  var form = document.getElementById("tk-form");
  if (!form) return;
  var formId = form.getAttribute("data-form");
  var texts = JSON.parse(form.getAttribute("data-texts"));
  var labels = JSON.parse(form.getAttribute("data-labels"));
  var draftKey = "tk-draft:" + formId;
  var status = document.getElementById("tk-status");
  var summary = document.getElementById("tk-summary");
  var button = form.querySelector(".tk-submit");
  var pending = false, retryTimer = null;

  function newId() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);  // crypto.randomUUID needs https; the venue server is plain http
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function names() {
    var seen = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.name !== "response_id" && seen.indexOf(el.name) < 0) seen.push(el.name);
    });
    return seen;
  }
  function inputs(name) { return form.querySelectorAll('[name="' + name + '"]'); }
  function shown(el) {
    var day = el.closest(".tk-day"), slot = el.closest(".tk-action");
    return (!day || !day.hidden) && (!slot || !slot.hidden);
  }

  function read(name) {
    var els = inputs(name), first = els[0];
    if (first.type === "checkbox") {
      return Array.prototype.filter.call(els, function (e) { return e.checked; }).map(function (e) { return e.value; });
    }
    if (first.type === "radio") {
      var on = Array.prototype.filter.call(els, function (e) { return e.checked; })[0];
      return on ? on.value : null;
    }
    return first.value;
  }
  function write(name, value) {
    Array.prototype.forEach.call(inputs(name), function (el) {
      if (el.type === "checkbox") el.checked = (value || []).indexOf(el.value) >= 0;
      else if (el.type === "radio") el.checked = el.value === value;
      else el.value = value == null ? "" : value;
    });
  }

  function draft() {
    var values = {};
    names().forEach(function (n) { values[n] = read(n); });
    return { response_id: form.elements.response_id.value, values: values };
  }
  function keep() { save(draftKey, draft()); }

  // -- the day of the daily form: only its sessions are shown, other days' answers are dropped
  function showDay() {
    var dayInputs = inputs("day");
    if (!dayInputs.length) return;
    var day = read("day");
    Array.prototype.forEach.call(form.querySelectorAll(".tk-day"), function (block) {
      var mine = block.getAttribute("data-day") === day;
      block.hidden = !mine;
      if (!mine) {
        block.querySelectorAll("input, textarea").forEach(function (el) {
          if (el.type === "radio" || el.type === "checkbox") el.checked = false; else el.value = "";
        });
      }
    });
    var note = form.querySelector(".tk-choose-day");
    if (note) note.hidden = !!day;
  }

  // -- the follow-up form: the trainee's own planned actions, asked for once code and key go
  // together (POST: the key never sits in an address); slots without an action stay hidden.
  var slots = form.querySelectorAll(".tk-action");
  function showPlan(actions) {
    Array.prototype.forEach.call(slots, function (block) {
      var n = block.getAttribute("data-slot");
      var mine = (actions || []).filter(function (a) { return String(a.slot) === n; })[0];
      block.hidden = !mine;
      form.elements["a" + n + "_id"].value = mine ? mine.id : "";
      document.getElementById("t-a" + n + "_id").textContent = mine ? mine.text : "";
      if (!mine) {
        block.querySelectorAll("input, textarea").forEach(function (el) {
          if (el.type === "radio" || el.type === "checkbox") el.checked = false; else if (el.type !== "hidden") el.value = "";
        });
      }
    });
  }
  function loadPlan() {
    if (!slots.length) return;
    var who = read("participant"), key = read("token");
    if (!who || !key) { showPlan([]); return; }
    fetch("/forms/" + encodeURIComponent(formId) + "/plan", {
      method: "POST", headers: { "Content-Type": "application/json" }, cache: "no-store",
      body: JSON.stringify({ participant: who, token: key, language: form.getAttribute("data-language") })
    }).then(function (res) {
      return res.json().then(function (body) { return { code: res.status, body: body }; });
    }).then(function (r) {
      showPlan(r.code === 200 ? r.body.actions : []);
    }).catch(function () { /* offline: the slots stay as they are until the next try */ });
  }

  // -- problems: under each question, listed at the top, the first one focused
  function clearProblems() {
    form.querySelectorAll(".tk-problem").forEach(function (q) { q.classList.remove("tk-problem"); q.removeAttribute("aria-invalid"); });
    form.querySelectorAll(".tk-problem-text").forEach(function (p) { p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    summary.hidden = true;
  }
  function showProblems(problems) {
    clearProblems();
    var order = names().filter(function (n) { return n in problems; });
    var list = summary.querySelector("ul");
    list.textContent = "";
    order.forEach(function (name) {
      var q = document.getElementById("q-" + name), p = document.getElementById("p-" + name);
      q.classList.add("tk-problem");
      q.setAttribute("aria-invalid", "true");
      p.textContent = problems[name];
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = "#q-" + name;
      link.textContent = labels[name] || name;
      item.appendChild(link);
      item.appendChild(document.createTextNode(": " + problems[name]));
      list.appendChild(item);
    });
    summary.querySelector("p").textContent = fill(texts.summary, { count: order.length });
    summary.hidden = false;
    var first = order.length && document.getElementById("q-" + order[0]);
    if (first) {
      first.scrollIntoView({ block: "center" });
      first.querySelector("input, textarea").focus({ preventScroll: true });
    }
  }

  function say(text, receipt) {
    status.textContent = text;
    status.classList.toggle("tk-receipt", !!receipt);
  }
  function ready() { button.disabled = false; button.textContent = texts.submit; }

  function payload() {
    var answers = {};
    names().forEach(function (n) {
      if (n !== "participant" && n !== "token" && shown(inputs(n)[0])) answers[n] = read(n);
    });
    return {
      response_id: form.elements.response_id.value, participant: read("participant"), token: read("token"),
      language: form.getAttribute("data-language"), answers: answers
    };
  }

  function retryLater(ms) {
    pending = true;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(send, ms);
  }

  function saved(body) {
    pending = false;
    clearTimeout(retryTimer);
    save(IDENTITY, { code: read("participant"), token: read("token") });
    try { localStorage.removeItem(draftKey); } catch (e) { /* nothing kept, nothing to remove */ }
    clearProblems();
    Array.prototype.forEach.call(form.querySelectorAll(".tk-question, .tk-day, .tk-choose-day, .tk-submit"), function (el) { el.hidden = true; });
    say(fill(texts.saved, { response_id: body.response_id }) + " " + texts.again, true);
    var again = document.createElement("a");
    again.className = "tk-button tk-primary tk-again";
    again.href = location.pathname + location.search;
    again.textContent = texts["new"];
    status.parentNode.insertBefore(again, status.nextSibling);
    status.setAttribute("tabindex", "-1");
    status.focus();
  }

  function send() {
    keep();
    button.disabled = true;
    button.textContent = texts.sending;
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    fetch("/forms/" + encodeURIComponent(formId) + "/submit", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload()),
      signal: controller.signal, cache: "no-store"
    }).then(function (res) {
      clearTimeout(timer);
      return res.json().then(function (body) { return { code: res.status, body: body }; });
    }).then(function (r) {
      ready();
      if (r.code === 200 && r.body.saved) return saved(r.body);
      pending = false;
      if (r.body.problems) showProblems(r.body.problems);
      if (r.code === 503) { say(texts.busy); retryLater(BUSY_RETRY_MS); return; }
      say(r.body.message || (r.body.problems ? "" : texts.failed));
    }).catch(function () {
      // No answer at all: the Wi-Fi dropped or the laptop is out of reach. Keep and retry.
      clearTimeout(timer);
      ready();
      say(texts.offline);
      retryLater(RETRY_MS);
    });
  }

  // -- start: restore a draft (same response id), else a new id; code and key from the slip
  var kept = load(draftKey);
  if (kept && kept.response_id) {
    form.elements.response_id.value = kept.response_id;
    Object.keys(kept.values || {}).forEach(function (n) { if (inputs(n).length) write(n, kept.values[n]); });
  } else if (form.elements.response_id.value === "__RESPONSE_ID__" || !form.elements.response_id.value) {
    form.elements.response_id.value = newId();
  }
  if (identity) {
    if (!read("participant")) write("participant", identity.code);
    if (!read("token")) write("token", identity.token);
  }
  showDay();
  loadPlan();
  keep();
  form.addEventListener("input", keep);
  form.addEventListener("change", function (e) {
    if (e.target.name === "day") showDay();
    if (e.target.name === "participant" || e.target.name === "token") loadPlan();
    keep();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(retryTimer); send(); });
  window.addEventListener("online", function () { if (pending) send(); });
})();
