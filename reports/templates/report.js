// Filters and grouping for the findings; the report reads fully without this script.
"use strict";
(() => {
  const form = document.getElementById("filters");
  if (!form) return;
  const shown = document.getElementById("shown");
  const field = (name) => form.elements.namedItem(name);
  // Each card is in the page once, in the by-page view; the other groupings copy theirs in when first shown.
  const fill = (view) => {
    for (const slot of view.querySelectorAll(".cards[data-cards]")) {
      for (const id of slot.dataset.cards.split(" ")) {
        const copy = document.getElementById(id).cloneNode(true);
        copy.removeAttribute("id");
        slot.append(copy);
      }
      delete slot.dataset.cards;
    }
  };
  const apply = () => {
    const severities = new Set(Array.from(form.querySelectorAll("input[name=severity]:checked"), (box) => box.value));
    const rule = field("rule").value;
    const site = field("site").value;
    const newOnly = field("newonly").checked;
    const words = field("q").value.trim().toLowerCase();
    const current = field("view").value;
    let count = 0;
    for (const view of document.querySelectorAll(".view")) {
      view.hidden = view.dataset.view !== current;
      if (!view.hidden) fill(view);
      for (const card of view.querySelectorAll(".finding")) {
        const data = card.dataset;
        card.hidden = !(severities.has(data.severity) && (!rule || data.rule === rule) && (!site || data.site === site)
          && (!newOnly || data.status === "new") && (!words || card.textContent.toLowerCase().includes(words)));
        if (!view.hidden && !card.hidden) count += 1;
      }
      for (const group of view.querySelectorAll(".group")) group.hidden = !group.querySelector(".finding:not([hidden])");
    }
    shown.textContent = `Showing ${count} of ${document.querySelectorAll("#view-page .finding").length} findings`;
  };
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  apply();
})();
