// Picking a clinic prescriber in the case form fills the prescriber inputs at once. Without this
// script the server fills the empty ones on the next post (CaseFormClinic), so it is only a shortcut.
document.addEventListener('change', function (event) {
  var select = event.target;
  if (!select.matches || !select.matches('[data-clinic-prescriber]')) {
    return;
  }
  var option = select.options[select.selectedIndex];
  if (!option || !option.value) {
    return;
  }
  ['name', 'npi', 'specialty', 'phone', 'fax'].forEach(function (member) {
    var input = document.getElementById('prescriber-' + member);
    if (input) {
      input.value = option.getAttribute('data-' + member) || '';
      // the local draft listens for input events; keep it in step with what the script typed
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
});
