/*
 * Progressive enhancement only: every page works without this file. It adds and removes form rows
 * in place (without it the same buttons post to the server), fills a trial's drug class from the
 * catalog, shows each trial's weeks as dates change, warns before leaving unsaved changes and shows
 * a progress note while a document is generated. No inline scripts: the CSP forbids them.
 *
 * The local draft of a form (kept in this browser while a clerk types) is drafts.js, loaded after this
 * file by the pages that have one: it uses what this file offers as window.Authpack.
 */
(function () {
  'use strict';

  var dirty = false;

  function closestRow(el) { return el.closest('[data-row]'); }

  function addRow(button, quiet) {
    var list = button.getAttribute('data-add-row');
    var container = document.querySelector('[data-rows="' + list + '"]');
    var template = document.getElementById('row-template-' + list.replace('.', '-'));
    if (!container || !template) { return false; }
    var index = parseInt(container.getAttribute('data-next-index'), 10);
    var number = container.querySelectorAll(':scope > [data-row]').length + 1;
    var html = template.innerHTML.split('ROWINDEX').join(String(index)).split('ROWNUMBER').join(String(number));
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    container.appendChild(row);
    container.setAttribute('data-next-index', String(index + 1));
    var first = row.querySelector('input, select');
    if (first && !quiet) { first.focus(); }
    if (!quiet) { dirty = true; }
    return true;
  }

  /** Rows are numbered 1..n in page order, in their headings and in their remove buttons. */
  function renumber(container) {
    container.querySelectorAll(':scope > [data-row]').forEach(function (row, i) {
      row.querySelectorAll('[data-number-template]').forEach(function (el) {
        el.textContent = el.getAttribute('data-number-template').replace('{0}', String(i + 1));
      });
    });
  }

  var lastRemoved = null;

  /** Removes a row from the page, keeping it aside so "Undo" can put it back where it was. */
  function removeRow(button) {
    var row = closestRow(button);
    if (!row) { return false; }
    var container = row.parentElement;
    var heading = row.querySelector('h3');
    var problems = summaryLinesAbout(row);
    lastRemoved = { row: row, container: container, before: row.nextElementSibling, problems: problems };
    row.remove();
    showSummaryLines(problems, false);
    renumber(container);
    var note = document.getElementById('row-removed');
    var undo = document.getElementById('row-undo');
    if (note && undo) {
      note.textContent = note.getAttribute('data-text').replace('{0}', heading ? heading.textContent : '');
      undo.hidden = false;
      undo.focus();
    } else {
      var add = document.querySelector('[data-add-row="' + container.getAttribute('data-rows') + '"]');
      if (add) { add.focus(); }
    }
    dirty = true;
    rowsChanged(container);
    return true;
  }

  /**
   * The lines of the error summary (a form sent back with problems) whose links lead into the row: once
   * the row is removed they lead nowhere and are about a row that will not be sent, so they are hidden
   * while it is out, and shown again by "Undo". The summary itself is hidden when no line is left.
   */
  function summaryLinesAbout(row) {
    var lines = [];
    document.querySelectorAll('#error-summary li').forEach(function (li) {
      var link = li.querySelector('a[href^="#"]');
      var target = link && document.getElementById(link.getAttribute('href').slice(1));
      if (target && row.contains(target)) { lines.push(li); }
    });
    return lines;
  }

  function showSummaryLines(lines, shown) {
    if (!lines.length) { return; }
    lines.forEach(function (li) { li.hidden = !shown; });
    var summary = document.getElementById('error-summary');
    var left = Array.prototype.some.call(summary.querySelectorAll('li'), function (li) { return !li.hidden; });
    summary.hidden = !left;
  }

  /** Rows taken out or put back change the form as typing does, without an input event: said with one of our own. */
  function rowsChanged(container) {
    container.dispatchEvent(new CustomEvent('authpack:rows-changed', { bubbles: true }));
  }

  function undoRemove() {
    if (!lastRemoved) { return; }
    lastRemoved.container.insertBefore(lastRemoved.row, lastRemoved.before);
    renumber(lastRemoved.container);
    showSummaryLines(lastRemoved.problems, true);
    var first = lastRemoved.row.querySelector('input, select');
    if (first) { first.focus(); }
    rowsChanged(lastRemoved.container);
    lastRemoved = null;
    document.getElementById('row-removed').textContent = '';
    document.getElementById('row-undo').hidden = true;
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
    // whole weeks, rounded down: the same figure as the checklist and the packet (core.Weeks)
    out.textContent = out.getAttribute('data-weeks-template').replace('{0}', String(Math.floor(days / 7)));
  }

  /** The list's rows made as many as count, added or removed at the end (a draft put back, drafts.js). */
  function setRowCount(list, count) {
    var container = document.querySelector('[data-rows="' + list + '"]');
    var add = document.querySelector('[data-add-row="' + list + '"]');
    if (!container || !add) { return null; }
    while (container.querySelectorAll(':scope > [data-row]').length < count) {
      if (!addRow(add, true)) { break; }
    }
    var rows = container.querySelectorAll(':scope > [data-row]');
    for (var i = rows.length - 1; i >= count; i--) { rows[i].remove(); }
    renumber(container);
    return container.querySelectorAll(':scope > [data-row]');
  }

  /**
   * Focuses what a refused form came back with. A page opened at a #fragment (the case page after an event
   * or an upload is refused: #authorization, #attachments) is scrolled there by the browser once it is
   * drawn, and Chromium then takes focus away from the page when the fragment's element is not focusable
   * itself: the refusal was neither focused nor read out. That one loss of focus, before the user has
   * pressed a key or clicked, is undone.
   */
  function focusOnLoad(target) {
    target.focus();
    if (!location.hash) { return; }
    var acted = false;
    var stop = function () { acted = true; };
    window.addEventListener('keydown', stop, { once: true, capture: true });
    window.addEventListener('mousedown', stop, { once: true, capture: true });
    target.addEventListener('blur', function (event) {
      if (!acted && !event.relatedTarget) { setTimeout(function () { target.focus(); }, 0); }
    }, { once: true });
  }

  document.addEventListener('DOMContentLoaded', function () {
    // a form sent back with problems: start at its summary, whose links lead to each field; on the
    // other pages' forms (an event, an upload, the clinic profile, the administrator's forms) at the
    // refusal they show, so the clerk hears it at once instead of the page read again from the top.
    // Otherwise at an event form or the upload form put back from the draft, or at the draft of an event form no
    // longer offered: far down the case page, out of view (marked so by drafts.js, which ran before this event).
    var summary = document.getElementById('error-summary') || document.querySelector('[data-focus-on-load]')
      || document.querySelector('[data-focus-if-nothing-else]');
    if (summary) { focusOnLoad(summary); return; }
    // Nothing to say first: a new case starts at its first field (data-focus-first-field), not ten Tabs above it. Only
    // the new-case form is marked: the edit form is opened at the section to fix (#assessments), where it stays.
    var first = document.querySelector(
      'form[data-focus-first-field] select, form[data-focus-first-field] input:not([type=hidden])');
    if (first && !location.hash) { first.focus(); }
  });

  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-add-row]');
    if (add && addRow(add)) { event.preventDefault(); return; }
    var remove = event.target.closest('[data-remove-row]');
    if (remove && removeRow(remove)) { event.preventDefault(); return; }
    if (event.target.closest('#row-undo')) { event.preventDefault(); undoRemove(); }
    // An event form opened by the clerk (a click, or Enter or Space on its summary): the date is already today's, so
    // the caret goes to the field after it (the denial reason, the authorization number, the channel), scrolled into
    // view, instead of staying on the summary one click or several Tabs away. Only on a click: a form the page opens
    // itself (the only event allowed) must not take focus from what the page says first.
    var summary = event.target.closest('details.event-form > summary');
    if (summary && !summary.parentElement.open) {
      var details = summary.parentElement;
      setTimeout(function () {
        if (!details.open) { return; }
        var fields = details.querySelectorAll('input:not([type=hidden]), select, textarea');
        var next = fields.length > 1 && fields[0].type === 'date' && fields[0].value ? fields[1] : fields[0];
        if (next) { next.focus(); }
      }, 0);
    }
  });

  // A clinic is required while the role chosen beside it needs one (every role but ADMIN): the browser asks for
  // it before sending, since a refusal from the server cannot give the password typed back. Without this
  // script the server's refusal names the clinic, with everything else kept as typed.
  function requireClinicFor(role) {
    document.querySelectorAll('select[data-clinic-for-role="' + role.id + '"]').forEach(function (clinic) {
      clinic.required = role.value !== 'ADMIN';
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    // the FHIR import summary links each field it names; one the form does not show (a policy's field that
    // the chosen policy does not read, drawn only when it is) stays named, not a link that goes nowhere
    document.querySelectorAll('a[data-import-field]').forEach(function (a) {
      if (!document.getElementById(a.getAttribute('href').slice(1))) { a.replaceWith(a.textContent); }
    });
    document.querySelectorAll('select[data-clinic-for-role]').forEach(function (clinic) {
      var role = document.getElementById(clinic.getAttribute('data-clinic-for-role'));
      if (role) { requireClinicFor(role); }
    });
  });

  document.addEventListener('change', function (event) {
    var t = event.target;
    if (t.matches('select[id]') && document.querySelector('select[data-clinic-for-role="' + t.id + '"]')) {
      requireClinicFor(t);
    }
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
    }
    // A second press while the first is on its way would do it twice: two sessions recorded, two
    // renewals, copies or new cases, two documents. Disabled after the submission is built, so the
    // pressed button's name and value are still sent; not when another handler stopped the sending.
    if (form.matches('[data-progress], [data-submit-once]') && !event.defaultPrevented) {
      setTimeout(function () {
        form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
      }, 0);
    }
  });

  // A date typed only in part (month and day, no year yet) is sent by the browser as an empty value,
  // and a form that leaves checking to the server (novalidate) would save the case without it, as if
  // it had never been typed. Sent as text that is no date, the server names the field to finish.
  document.addEventListener('formdata', function (event) {
    if (!event.target.matches('form[novalidate]')) { return; }
    event.target.querySelectorAll('input[type="date"]').forEach(function (input) {
      if (input.name && input.validity && input.validity.badInput) { event.formData.set(input.name, 'incomplete'); }
    });
  });

  // Back to a page the browser kept whole: its buttons must work again.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll('form[data-progress] button, form[data-submit-once] button')
      .forEach(function (b) { b.disabled = false; });
  });

  // An upload over the limit is refused before it is sent: the server's multipart limit refuses it
  // before reading the form, so the typed title would be lost. data-max-bytes is the smaller of the
  // application's and the servlet's limits. Without script the server still refuses it.
  document.addEventListener('submit', function (event) {
    var input = event.target.querySelector('input[type=file][data-max-bytes]');
    if (!input || !input.files || input.files.length === 0) { return; }
    if (input.files[0].size > Number(input.getAttribute('data-max-bytes'))) {
      event.preventDefault();
      event.stopPropagation();
      var note = document.getElementById(input.getAttribute('data-too-large'));
      if (note) {
        note.textContent = note.getAttribute('data-text');
        note.hidden = false;
        // tied to the field like the server's field errors, so it is read out again on the file input
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', note.id);
      }
      input.focus();
    }
  }, true);

  // Another file chosen: the earlier "too large" no longer applies.
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches('input[type=file][data-too-large]')) { return; }
    var note = document.getElementById(input.getAttribute('data-too-large'));
    if (note && !note.hidden) {
      note.hidden = true;
      note.textContent = '';
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  });

  window.addEventListener('beforeunload', function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ''; }
  });

  // The optional members a policy reads: the page leaves those the chosen policy does not ask for
  // in a <template>; when another policy is chosen, put in what it asks for and show its help.
  function showPolicyFields(policyId) {
    document.querySelectorAll('[data-policy-field]').forEach(function (field) {
      var needed = (field.getAttribute('data-needed-by') || '').split(' ').indexOf(policyId) >= 0;
      var template = field.querySelector('template');
      if (needed && template) {
        field.appendChild(template.content.cloneNode(true));
        template.remove();
      }
      field.querySelectorAll('[data-help-for]').forEach(function (p) {
        p.hidden = p.getAttribute('data-help-for') !== policyId;
      });
      var filled = Array.prototype.some.call(field.querySelectorAll('input, select'), function (input) {
        return input.type === 'checkbox' ? input.checked : input.value.trim() !== '';
      });
      field.hidden = !(needed || filled);
    });
  }

  // A policy covering one treatment (most cover esketamine only): an empty treatment is filled with it, as any
  // other fails the case's first criterion. A treatment already chosen is the clerk's and is left as it is.
  function fillOnlyTreatment(policy) {
    var option = policy.options[policy.selectedIndex];
    var only = option ? option.getAttribute('data-only-treatment') : null;
    var treatment = policy.form && policy.form.elements.namedItem('request.treatment');
    if (!only || !treatment || treatment.value !== '') { return; }
    treatment.value = only;
    treatment.dispatchEvent(new Event('change', { bubbles: true }));
  }

  document.addEventListener('change', function (event) {
    if (event.target && event.target.id === 'policyId') {
      showPolicyFields(event.target.value);
      fillOnlyTreatment(event.target);
    }
  });

  // What drafts.js needs of this page's script to put a draft back into a form as it was typed.
  window.Authpack = {
    setRowCount: setRowCount,
    showWeeks: showWeeks,
    showPolicyFields: showPolicyFields,
    /** Whether leaving the page warns of changes not saved (a case form put back from its draft does). */
    setUnsaved: function (unsaved) { dirty = unsaved; }
  };
})();
