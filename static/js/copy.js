// Progressive enhancement: a "Copy citation" button. Without JavaScript the citation is still
// in a read-only text box that can be selected and copied by hand.
document.querySelectorAll("button[data-copy-target]").forEach((button) => {
  const source = document.getElementById(button.dataset.copyTarget);
  const status = button.parentElement.querySelector(".copy-status");
  if (!source || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = "Citation copied.";
    } catch {
      source.select();
      status.textContent = "Select the text and copy it with your keyboard.";
    }
  });
});
