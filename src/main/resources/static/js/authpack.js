/*
 * Progressive enhancement only: every page works without this file. It adds and removes form rows
 * in place (without it the same buttons post to the server), fills a trial's drug class from the
 * catalog, shows each trial's weeks as dates change, warns before leaving unsaved changes and shows
 * a progress note while a document is generated. No inline scripts: the CSP forbids them.
 *
 * Local draft: while a clerk types, the values of the case form, of the case page's event forms and
 * of its upload form are kept in this browser's localStorage (key: user and case id, or "new"; an
 * event form's adds ".event." and its type, the upload form's ".attachment"), and nowhere else:
 * nothing is sent anywhere. When the form is opened again (after a session ended and the clerk signed
 * in again, say) the draft is put back into the form and a message says so; a file chosen cannot be
 * put back by any page, so only its name is kept, for the message to say which file to choose again.
 * It is removed when the case is saved, the event recorded or the upload answered, and on sign-out.
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
    var form = container.closest('form[data-draft]');
    if (form) { scheduleDraft(form); }
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

  function undoRemove() {
    if (!lastRemoved) { return; }
    lastRemoved.container.insertBefore(lastRemoved.row, lastRemoved.before);
    renumber(lastRemoved.container);
    showSummaryLines(lastRemoved.problems, true);
    var first = lastRemoved.row.querySelector('input, select');
    if (first) { first.focus(); }
    var form = lastRemoved.container.closest('form[data-draft]');
    if (form) { scheduleDraft(form); }
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

  // ---- local draft -------------------------------------------------------------------------
  var DRAFT_PREFIX = 'authpack.draft.';
  var DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
  var draftTimer = null;

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function skipped(el) {
    return !el.name || el.name === '_csrf' || el.hasAttribute('data-draft-version') || el.name === '_action'
      || el.type === 'submit' || el.type === 'button' || el.type === 'file';
  }

  /**
   * The field saying which state of the case the form was typed against (the case form's version, an
   * event form's count of events shown): kept beside the draft's values, not among them.
   */
  function versionField(form) {
    return form.querySelector('input[data-draft-version]');
  }

  /** The form's values: plain fields by name, each list's rows in page order as {field: value}. */
  function snapshot(form) {
    var fields = {};
    var rows = {};
    form.querySelectorAll('[data-rows]').forEach(function (container) {
      var list = container.getAttribute('data-rows');
      rows[list] = [];
      container.querySelectorAll(':scope > [data-row]').forEach(function (row) {
        var values = {};
        row.querySelectorAll('input, select, textarea').forEach(function (el) {
          if (!skipped(el)) { values[el.name.substring(el.name.lastIndexOf('.') + 1)] = el.value; }
        });
        rows[list].push(values);
      });
    });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (skipped(el) || el.closest('[data-row]')) { return; }
      if (el.type === 'checkbox') {
        // a box's value is the same ticked or not: a group of boxes under one name keeps the values ticked
        fields[el.name] = (fields[el.name] || []).concat(el.checked ? [el.value] : []);
        return;
      }
      fields[el.name] = el.value;
    });
    return { fields: fields, rows: rows };
  }

  /** The names of the files chosen in the form: not a value a page can put back, so beside the values. */
  function chosenFiles(form) {
    var names = [];
    form.querySelectorAll('input[type="file"]').forEach(function (input) {
      Array.prototype.forEach.call(input.files || [], function (file) { names.push(file.name); });
    });
    return names;
  }

  function saveDraft(form) {
    var store = storage();
    if (!store) { return; }
    var version = versionField(form);
    store.setItem(form.getAttribute('data-draft'), JSON.stringify({
      savedAt: Date.now(), version: version ? version.value : null, data: snapshot(form), files: chosenFiles(form)
    }));
  }

  var draftTimerForm = null;

  function scheduleDraft(form) {
    if (draftTimer) {
      clearTimeout(draftTimer);
      // the case page has several forms with a draft: one typed in a moment ago is kept before the next
      if (draftTimerForm !== form) { saveDraft(draftTimerForm); }
    }
    draftTimerForm = form;
    draftTimer = setTimeout(function () { draftTimer = null; saveDraft(form); }, 250);
  }

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

  /** The draft kept under the key, or null when there is none to use: one unreadable or too old is removed. */
  function readDraft(key) {
    var store = storage();
    var saved = store && store.getItem(key);
    if (!saved) { return null; }
    var draft;
    try { draft = JSON.parse(saved); } catch (e) { draft = null; }
    if (!draft || !draft.data || Date.now() - draft.savedAt > DRAFT_MAX_AGE_MS) { store.removeItem(key); return null; }
    return draft;
  }

  /** Puts the form's draft back into it; returns the note saying so, or null when nothing was put back. */
  function restoreDraft(form) {
    var draft = readDraft(form.getAttribute('data-draft'));
    if (!draft) { return null; }
    var files = Array.isArray(draft.files) ? draft.files : [];
    if (JSON.stringify(snapshot(form)) === JSON.stringify(draft.data) && files.length === 0) { return null; }
    Object.keys(draft.data.rows || {}).forEach(function (list) {
      var values = draft.data.rows[list];
      var rows = setRowCount(list, values.length);
      if (!rows) { return; }
      values.forEach(function (row, i) {
        Object.keys(row).forEach(function (field) {
          var el = rows[i].querySelector('[name$="].' + field + '"]');
          if (el) { el.value = row[field]; }
        });
        var start = rows[i].querySelector('input[name$=".startDate"]');
        if (start) { showWeeks(start); }
      });
    });
    var fields = draft.data.fields || {};
    // The members only some policies read are not in the form until the policy asking for them is chosen
    // (or they hold a value): put in each one the draft has a value for, so that value is not lost.
    form.querySelectorAll('[data-policy-field] > template').forEach(function (template) {
      var typed = Array.prototype.some.call(template.content.querySelectorAll('[name]'), function (el) {
        var value = fields[el.name];
        return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
      });
      if (typed) {
        template.parentNode.appendChild(template.content.cloneNode(true));
        template.remove();
      }
    });
    Object.keys(fields).forEach(function (name) {
      var value = fields[name];
      if (Array.isArray(value)) {
        form.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
          if (box.name === name) { box.checked = value.indexOf(box.value) >= 0; }
        });
        return;
      }
      var el = form.elements.namedItem(name);
      if (el && !(el instanceof RadioNodeList) && el.type !== 'checkbox') { el.value = value; }
    });
    // and shown as choosing the policy shows them, with its help
    var policy = form.querySelector('#policyId');
    if (policy) { showPolicyFields(policy.value); }
    var version = versionField(form);
    // the version the draft was typed against: if the case changed since, saving shows the
    // "someone else saved this case" page with this input kept, instead of overwriting silently
    // (an event form: "since you opened this page, ... recorded"). That page itself carries the
    // newer version on purpose (pressing again keeps the clerk's values): the draft, written as
    // the refused form was sent, must not put the stale one back.
    if (version && draft.version && !form.hasAttribute('data-conflict')) { version.value = draft.version; }
    // leaving the page is warned of only from a form that warns of it (the case form): an event form
    // does not, and its Record must not be held up by the warning either
    if (form.matches('[data-warn-unsaved]')) { dirty = true; }
    // an event form is folded away (<details>) until opened: opened, so what was put back is seen
    var folded = form.closest('details');
    if (folded) { folded.open = true; }
    var note = document.getElementById(form.getAttribute('data-draft-note') || 'draft-restored');
    if (note) {
      // a file was chosen (the upload form): the note names it, to be chosen again
      var text = files.length && note.hasAttribute('data-text-files')
        ? note.getAttribute('data-text-files').replace('{0}', files.join(', ')) : note.getAttribute('data-text');
      // a note with more than its text (the case form's, with its discard link) has a place for the text
      (note.querySelector('[data-note-text]') || note).textContent = text;
      note.hidden = false;
    }
    return note;
  }

  /**
   * A draft of an event form the page no longer offers: the case moved on while the clerk typed (the decision
   * recorded by someone else), or the event was refused for it. No form to put it back into, and kept it would
   * come back into one whenever the status allowed that event again (an appeal reopening "Denied"): shown once,
   * each field under its label, to copy what is still needed, and dropped. Returns whether it was shown.
   */
  function showDroppedDraft(block) {
    var key = block.getAttribute('data-draft-dropped');
    var draft = readDraft(key);
    if (!draft) { return false; }
    storage().removeItem(key);
    var fields = draft.data.fields || {};
    var shown = false;
    block.querySelectorAll('[data-field]').forEach(function (entry) {
      var value = fields[entry.getAttribute('data-field')];
      if (typeof value === 'string' && value.trim() !== '') {
        entry.querySelector('dd').textContent = value;
        entry.hidden = false;
        shown = true;
      } else {
        entry.remove();
      }
    });
    block.hidden = !shown;
    return shown;
  }

  function clearDrafts(match) {
    var store = storage();
    if (!store) { return; }
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (key && key.indexOf(DRAFT_PREFIX) === 0 && match(key)) { store.removeItem(key); }
    }
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
    // Signed out (the sign-in page a sign-out lands on, also one after the session had ended): every draft
    // in this browser goes, whoever typed it, for a computer shared at the desk. Not when Sign out is
    // pressed: one pressed on a page older than the sign-in is refused and leaves the clerk signed in, and
    // their drafts (those typed in another tab too) were lost. Nor on the old page's script, which the
    // navigation may end before it runs. Opened with ?logout by hand, it does what signing out does.
    if (document.querySelector('[data-drafts-clear-all]')) { clearDrafts(function () { return true; }); }
    document.querySelectorAll('[data-draft-clear]').forEach(function (el) {
      var key = el.getAttribute('data-draft-clear');
      clearDrafts(function (k) { return k === key; });
    });
    // the case form, or the case page's event forms (each its own draft)
    var restoredLow = null;
    document.querySelectorAll('form[data-draft]').forEach(function (form) {
      var note = restoreDraft(form);
      if (note && !restoredLow && !form.matches('[data-warn-unsaved]')) { restoredLow = note; }
    });
    document.querySelectorAll('[data-draft-dropped]').forEach(function (block) {
      if (showDroppedDraft(block) && !restoredLow) { restoredLow = block; }
    });
    // a form sent back with problems: start at its summary, whose links lead to each field; on the
    // other pages' forms (an event, an upload, the clinic profile, the administrator's forms) at the
    // refusal they show, so the clerk hears it at once instead of the page read again from the top.
    // Otherwise at an event form or the upload form put back from the draft, or at the draft of an event form no
    // longer offered: far down the case page, out of view.
    var summary = document.getElementById('error-summary') || document.querySelector('[data-focus-on-load]')
      || restoredLow;
    if (summary) { focusOnLoad(summary); }
  });

  document.addEventListener('click', function (event) {
    // "Open the latest version" after a refused save: the draft is this refused form (with the version it
    // was typed against), which the form would put back over the latest version, so Save would be refused
    // again, or, once typed on, overwrite the other save. The link says these changes are dropped: so they are.
    // The same for "Discard it" in the note saying a draft was put back (a new case left unsaved, say).
    if (event.target.closest('[data-discard-draft]')) {
      var draftForm = document.querySelector('form[data-draft]');
      var store = storage();
      if (draftTimer) { clearTimeout(draftTimer); draftTimer = null; }
      if (draftForm && store) { store.removeItem(draftForm.getAttribute('data-draft')); }
      dirty = false;
      return;
    }
    var add = event.target.closest('[data-add-row]');
    if (add && addRow(add)) { event.preventDefault(); return; }
    var remove = event.target.closest('[data-remove-row]');
    if (remove && removeRow(remove)) { event.preventDefault(); return; }
    if (event.target.closest('#row-undo')) { event.preventDefault(); undoRemove(); }
  });

  document.addEventListener('change', function (event) {
    var t = event.target;
    if (t.matches('input[list="drug-catalog"]')) { fillDrugClass(t); }
    if (t.matches('input[type="date"]')) { showWeeks(t); }
  });

  document.addEventListener('input', function (event) {
    if (event.target.closest('form[data-warn-unsaved]')) { dirty = true; }
    var draftForm = event.target.closest('form[data-draft]');
    if (draftForm) { scheduleDraft(draftForm); }
  });

  document.addEventListener('change', function (event) {
    var draftForm = event.target.closest('form[data-draft]');
    if (draftForm) { scheduleDraft(draftForm); }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.matches('[data-warn-unsaved]')) { dirty = false; }
    if (form.matches('[data-draft]')) { saveDraft(form); }
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

  document.addEventListener('change', function (event) {
    if (event.target && event.target.id === 'policyId') { showPolicyFields(event.target.value); }
  });
})();
