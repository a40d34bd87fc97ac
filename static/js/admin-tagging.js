/* The tagging queue's autocompletes (Select2) name their combobox, and the textbox inside it,
   only by the choice shown, so an empty one had no name: add the field's own label to both. Registered after the admin's
   autocomplete.js, so this runs once its comboboxes are built (jQuery runs ready handlers in
   order). */
"use strict";
if (window.django && window.django.jQuery) {
  window.django.jQuery(function () {
    document.querySelectorAll(".tagging-queue select.admin-autocomplete").forEach(function (select) {
      var label = document.querySelector('label[for="' + select.id + '"]');
      var container = select.nextElementSibling;
      var combobox = container && container.querySelector(".select2-selection");
      if (!label || !combobox) {
        return;
      }
      if (!label.id) {
        label.id = select.id + "-label";
      }
      var shown = combobox.getAttribute("aria-labelledby");
      combobox.setAttribute("aria-labelledby", shown ? label.id + " " + shown : label.id);
      var rendered = combobox.querySelector(".select2-selection__rendered");
      if (rendered) {
        rendered.setAttribute("aria-labelledby", label.id);
      }
    });
  });
}
