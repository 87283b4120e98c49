/*
 * Local draft: while a clerk types, the values of the case form, of the case page's event forms and
 * of its upload form are kept in this browser's localStorage (key: user and case id, or "new"; an
 * event form's adds ".event." and its type, the upload form's ".attachment"), and nowhere else:
 * nothing is sent anywhere. When the form is opened again (after a session ended and the clerk signed
 * in again, say) the draft is put back into the form and a message says so; a file chosen cannot be
 * put back by any page, so only its name is kept, for the message to say which file to choose again.
 * It is removed when the case is saved, the event recorded or the upload answered, and on sign-out;
 * a page loaded before a sign-out (a form left open in another tab) keeps no draft after it, says so at once and
 * sends no form.
 *
 * Loaded (defer) by the pages with a draft to keep, put back or clear: the case form, the case page and
 * the sign-in page. It runs after authpack.js (a later deferred script), whose window.Authpack puts
 * rows, weeks and policy fields back as typing would, and before the page's DOMContentLoaded, when
 * authpack.js focuses what was put back out of view (data-focus-if-nothing-else).
 */
(function () {
  'use strict';

  var page = window.Authpack;
  var DRAFT_PREFIX = 'authpack.draft.';
  var DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
  // Not under DRAFT_PREFIX: clearing every draft keeps it.
  var SIGNED_OUT_KEY = 'authpack.signedOut';
  var draftTimer = null;

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function lastSignOut() {
    var store = storage();
    return store && store.getItem(SIGNED_OUT_KEY);
  }

  // Changed by every sign-out in this browser (the sign-in page it lands on, in any tab): compared, never
  // ordered, so a clock set back does not matter.
  var signOutBeforeThisPage = lastSignOut();

  function signedOutSinceLoaded() {
    return lastSignOut() !== signOutBeforeThisPage;
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
    // A sign-out since this page was loaded (in another tab: this one would have left the page) cleared every
    // draft, this form's too. Saved again (a key typed in the old tab, or its field's change event firing when
    // left), the whole form, what was typed before the sign-out included, would be back in the browser and put
    // back for that user's next sign-in: the page belongs to a session that ended, and keeps nothing of it.
    if (signedOutSinceLoaded()) { return; }
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
      var rows = page.setRowCount(list, values.length);
      if (!rows) { return; }
      values.forEach(function (row, i) {
        Object.keys(row).forEach(function (field) {
          var el = rows[i].querySelector('[name$="].' + field + '"]');
          if (el) { el.value = row[field]; }
        });
        var start = rows[i].querySelector('input[name$=".startDate"]');
        if (start) { page.showWeeks(start); }
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
    if (policy) { page.showPolicyFields(policy.value); }
    var version = versionField(form);
    // the version the draft was typed against: if the case changed since, saving shows the
    // "someone else saved this case" page with this input kept, instead of overwriting silently
    // (an event form: "since you opened this page, ... recorded"). That page itself carries the
    // newer version on purpose (pressing again keeps the clerk's values): the draft, written as
    // the refused form was sent, must not put the stale one back.
    if (version && draft.version && !form.hasAttribute('data-conflict')) { version.value = draft.version; }
    // leaving the page is warned of only from a form that warns of it (the case form): an event form
    // does not, and its Record must not be held up by the warning either
    if (form.matches('[data-warn-unsaved]')) { page.setUnsaved(true); }
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

  // Signed out (the sign-in page a sign-out lands on, also one after the session had ended): every draft
  // in this browser goes, whoever typed it, for a computer shared at the desk. Not when Sign out is
  // pressed: one pressed on a page older than the sign-in is refused and leaves the clerk signed in, and
  // their drafts (those typed in another tab too) were lost. Nor on the old page's script, which the
  // navigation may end before it runs. Opened with ?logout by hand, it does what signing out does.
  if (document.querySelector('[data-drafts-clear-all]')) {
    clearDrafts(function () { return true; });
    // for pages still open in other tabs, loaded before this sign-out (saveDraft)
    var store = storage();
    if (store) {
      store.setItem(SIGNED_OUT_KEY, String(Date.now()));
      // this page is loaded after the sign-out it records
      signOutBeforeThisPage = lastSignOut();
    }
  }
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
  if (restoredLow) { restoredLow.setAttribute('data-focus-if-nothing-else', ''); }

  document.addEventListener('click', function (event) {
    // "Open the latest version" after a refused save: the draft is this refused form (with the version it
    // was typed against), which the form would put back over the latest version, so Save would be refused
    // again, or, once typed on, overwrite the other save. The link says these changes are dropped: so they are.
    // The same for "Discard it" in the note saying a draft was put back (a new case left unsaved, say).
    if (!event.target.closest('[data-discard-draft]')) { return; }
    var draftForm = document.querySelector('form[data-draft]');
    var store = storage();
    if (draftTimer) { clearTimeout(draftTimer); draftTimer = null; }
    if (draftForm && store) { store.removeItem(draftForm.getAttribute('data-draft')); }
    page.setUnsaved(false);
  });

  function scheduleOf(event) {
    var draftForm = event.target.closest('form[data-draft]');
    if (draftForm) { scheduleDraft(draftForm); }
  }

  document.addEventListener('input', scheduleOf);
  document.addEventListener('change', scheduleOf);
  // a row removed, or put back by "Undo" (authpack.js)
  document.addEventListener('authpack:rows-changed', scheduleOf);

  document.addEventListener('submit', function (event) {
    if (event.target.matches('form[data-draft]')) { saveDraft(event.target); }
  });

  /*
   * Signed out in another tab since this page was loaded. What is typed here is not kept (saveDraft), and the
   * clerk went on typing without knowing it: pressing Save led to a sign-in page saying what they typed "is still
   * in this browser" (or, signed in again meanwhile, back to the form saying it "is put back"), and it was gone.
   * The page's notice (the layout's signedOutElsewhere, on the pages with a draft) now says so at once, without
   * taking the focus from a field being typed in.
   */
  var signedOutNotice = document.getElementById('signed-out-elsewhere');

  function sayNothingIsKept() {
    var text = signedOutNotice.querySelector('[data-signed-out-text]');
    if (!text.hidden) { return; }
    // this page, opened again: through sign-in while signed out (the page asked for is returned to), or at once
    // when signed in again meanwhile. The path only: no query string carries patient data, and ?resubmit is no
    // longer true then.
    signedOutNotice.querySelector('[data-signed-out-sign-in]').href = window.location.pathname;
    text.hidden = false;
  }

  if (signedOutNotice) {
    window.addEventListener('storage', function (event) {
      if (event.key !== SIGNED_OUT_KEY || !signedOutSinceLoaded()) { return; }
      if (draftTimer) { clearTimeout(draftTimer); draftTimer = null; }
      sayNothingIsKept();
    });
    // A form sent from here could only be refused (the session it belongs to is gone, its token with it), and the
    // page answering that would speak of a draft there is none of: not sent, the notice says why and takes the
    // focus (Save was pressed, nothing is being typed). Sign out is still sent: its answer, signed out, is true.
    // Caught on the window before the page's own submit handlers (authpack.js), which would take the case form's
    // warning of unsaved changes away and disable its buttons as if it had been sent.
    window.addEventListener('submit', function (event) {
      var form = event.target;
      if (!signedOutSinceLoaded() || form.method !== 'post' || form.matches('form.logout')) { return; }
      event.preventDefault();
      event.stopPropagation();
      sayNothingIsKept();
      signedOutNotice.focus();
    }, true);
  }
})();
