// Progressive enhancement: toggles apply as soon as they change; the Update button remains
// for anyone without JavaScript.
document.querySelectorAll("form.toggle input[type=checkbox]").forEach((box) => {
  box.addEventListener("change", () => box.form.requestSubmit());
});
