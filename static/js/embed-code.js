// Progressive enhancement: a "Copy embed code" button. Without JavaScript the code is still in a
// read-only text box that can be selected and copied by hand.
document.querySelectorAll("button[data-copy-embed]").forEach((button) => {
  const source = document.getElementById(button.dataset.copyEmbed);
  const status = button.parentElement.querySelector(".copy-status");
  if (!source || !status || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = "Embed code copied.";
    } catch {
      source.select();
      status.textContent = "Select the code and copy it with your keyboard.";
    }
  });
});
