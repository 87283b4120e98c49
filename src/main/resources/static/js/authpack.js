/*
 * Progressive enhancement only: every page works without this file. It adds and removes form rows
 * in place (without it the same buttons post to the server), fills a trial's drug class from the
 * catalog, shows each trial's weeks as dates change, warns before leaving unsaved changes and shows
 * a progress note while a document is generated. No inline scripts: the CSP forbids them.
 */
(function () {
  'use strict';

  var dirty = false;

  function closestRow(el) { return el.closest('[data-row]'); }

  function addRow(button) {
    var list = button.getAttribute('data-add-row');
    var container = document.querySelector('[data-rows="' + list + '"]');
    var template = document.getElementById('row-template-' + list.replace('.', '-'));
    if (!container || !template) { return false; }
    var index = parseInt(container.getAttribute('data-next-index'), 10);
    var number = container.querySelectorAll('[data-row]').length + 1;
    var html = template.innerHTML.split('ROWINDEX').join(String(index)).split('ROWNUMBER').join(String(number));
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    container.appendChild(row);
    container.setAttribute('data-next-index', String(index + 1));
    var first = row.querySelector('input, select');
    if (first) { first.focus(); }
    dirty = true;
    return true;
  }

  function removeRow(button) {
    var row = closestRow(button);
    if (!row) { return false; }
    var container = row.parentElement;
    row.remove();
    var add = document.querySelector('[data-add-row="' + container.getAttribute('data-rows') + '"]');
    if (add) { add.focus(); }
    dirty = true;
    return true;
  }

  function fillDrugClass(input) {
    var row = closestRow(input);
    var select = row && row.querySelector('select[name$=".drugClass"]');
    var catalog = document.getElementById('drug-catalog');
    if (!select || !catalog) { return; }
    var name = input.value.trim().toLowerCase();
    var options = catalog.querySelectorAll('option');
    for (var i = 0; i < options.length; i++) {
      if (options[i].value.toLowerCase() === name) {
        select.value = options[i].getAttribute('data-class');
        return;
      }
    }
  }

  function showWeeks(input) {
    var row = closestRow(input);
    var out = row && row.querySelector('[data-weeks]');
    if (!out) { return; }
    var start = row.querySelector('input[name$=".startDate"]').value;
    var end = row.querySelector('input[name$=".endDate"]').value;
    if (!start) { out.textContent = ''; return; }
    if (!end) { out.textContent = out.getAttribute('data-open-text'); return; }
    var days = (Date.parse(end) - Date.parse(start)) / 86400000;
    if (isNaN(days) || days < 0) { out.textContent = ''; return; }
    out.textContent = out.getAttribute('data-weeks-template').replace('{0}', (Math.round(days / 7 * 10) / 10).toString());
  }

  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-add-row]');
    if (add && addRow(add)) { event.preventDefault(); return; }
    var remove = event.target.closest('[data-remove-row]');
    if (remove && removeRow(remove)) { event.preventDefault(); }
  });

  document.addEventListener('change', function (event) {
    var t = event.target;
    if (t.matches('input[list="drug-catalog"]')) { fillDrugClass(t); }
    if (t.matches('input[type="date"]')) { showWeeks(t); }
  });

  document.addEventListener('input', function (event) {
    if (event.target.closest('form[data-warn-unsaved]')) { dirty = true; }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.matches('[data-warn-unsaved]')) { dirty = false; }
    if (form.matches('[data-progress]')) {
      var note = document.querySelector('[data-progress-message]');
      if (note) { note.textContent = note.getAttribute('data-text'); }
      // after the submission is built, so the pressed button's name and value are still sent
      setTimeout(function () {
        form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
      }, 0);
    }
  });

  window.addEventListener('beforeunload', function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ''; }
  });

  // The optional members a policy reads: show those the chosen policy needs (or that hold a value)
  // and that policy's help beside each.
  function showPolicyFields(policyId) {
    document.querySelectorAll('[data-policy-field]').forEach(function (field) {
      var help = field.querySelectorAll('[data-help-for]');
      var needed = false;
      help.forEach(function (p) {
        var mine = p.getAttribute('data-help-for') === policyId;
        p.hidden = !mine;
        needed = needed || mine;
      });
      var filled = Array.prototype.some.call(field.querySelectorAll('input, select'), function (input) {
        return input.type === 'checkbox' ? input.checked : input.value.trim() !== '';
      });
      field.hidden = !(needed || filled);
    });
  }

  document.addEventListener('change', function (event) {
    if (event.target && event.target.id === 'policyId') { showPolicyFields(event.target.value); }
  });
})();
