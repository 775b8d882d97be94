// The admin pages' one script, a static asset (copied by widget/vite.config.ts) so the
// Content-Security-Policy can forbid inline code. It only enhances: every page works without it.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.copy + "-status");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = "Copied.";
    } catch {
      source.select();
      status.textContent = "Selected: copy it with your keyboard.";
    }
  });
}

// Schedule a New Session: show the chosen classification's fields and session types only.
// The session type pages have a classification too, but no session type to narrow.
const classification = document.getElementById("f-classification");
const type = document.getElementById("f-sessionTypeId");
if (classification && type) {
  const show = () => {
    for (const part of document.querySelectorAll("[data-classification]")) {
      const on = part.dataset.classification === classification.value;
      part.hidden = part.tagName !== "OPTGROUP" && !on;
      part.disabled = !on;
    }
    if (type.selectedOptions[0]?.parentElement.disabled) type.value = "";
  };
  classification.addEventListener("change", show);
  show();
}

// Package Option: only the chosen session type's packages, and no question at all when it has
// one (the server uses that one), as the help page describes.
const pkg = document.getElementById("f-packageId");
const sessionType = document.getElementById("f-sessionTypeId");
if (pkg && sessionType) {
  const narrow = () => {
    let count = 0;
    for (const group of pkg.querySelectorAll("optgroup[data-session-type]")) {
      const on = group.dataset.sessionType === sessionType.value;
      group.hidden = !on;
      group.disabled = !on;
      if (on) count = group.querySelectorAll("option").length;
    }
    if (pkg.selectedOptions[0]?.parentElement.disabled) pkg.value = "";
    pkg.closest(".field").hidden = count <= 1;
  };
  sessionType.addEventListener("change", narrow);
  narrow();
}
