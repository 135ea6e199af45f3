// rehabgen's only script, and an optional one: without it every question shows, with a note saying when it
// applies, and the server applies the same rules. With it, a question shows only when it applies, and an
// answer that means emergency help is needed says so at once. It sends nothing anywhere.
"use strict";
(function () {
  var form = document.querySelector("form.intake");
  if (!form) {
    return;
  }
  var blocks = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
  var alertBox = form.querySelector("[data-emergency-alert]");

  function answers(block) {
    var values = [];
    block.querySelectorAll("input").forEach(function (input) {
      if (input.disabled) {
        return;
      }
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked && input.value !== "") {
          values.push(input.value);
        }
      } else if (input.value.trim() !== "") {
        values.push(input.value.trim());
      }
    });
    return values;
  }

  function holds(condition, known) {
    var values = known[condition.q];
    if (values === undefined) {
      return false; // the question it depends on is not asked
    }
    if (condition.given !== undefined) {
      return (values.length > 0) === condition.given;
    }
    var wanted = condition.equals || condition.includes || [];
    return values.some(function (v) { return wanted.indexOf(v) >= 0; });
  }

  function update() {
    var known = {};
    blocks.forEach(function (block) {
      var id = block.getAttribute("data-question");
      var rules = JSON.parse(block.getAttribute("data-show-if") || "[]");
      var setters = JSON.parse(block.getAttribute("data-set-by") || "[]");
      var asked = rules.length === 0 || rules.some(function (c) { return holds(c, known); });
      if (setters.some(function (s) { return (known[s.q] || []).indexOf(s.token) >= 0; })) {
        asked = false; // an earlier answer already says it
      }
      block.hidden = !asked;
      block.querySelectorAll("input, select, textarea").forEach(function (input) { input.disabled = !asked; });
      if (asked) {
        known[id] = answers(block);
      }
    });
    if (alertBox) {
      var urgent = form.querySelector("input[data-emergency]:checked");
      alertBox.hidden = !urgent;
    }
  }

  form.addEventListener("change", update);
  form.addEventListener("input", update);
  update();
  var summary = document.getElementById("errors");
  if (summary) {
    summary.focus();
  }
})();
