/*
 * "Helpful" without leaving the page. Without this file each button sends the page's one Helpful form to its
 * comment's address, which marks the comment and brings the reader back to it. With it, the mark is sent in the
 * background, the button shows it pressed and the count moves; and since everyone's cached page is the same, which
 * buttons this browser pressed before is asked of a small personal address when the page opens (personal.js). It
 * lists the reader's own comments: once the edit window is over, the shared page cannot tell them apart, so here
 * theirs lose the Helpful button (it is for what others wrote) and gain the way to a new private link, which still
 * opens the replies feed and signs in other devices.
 */
(function () {
  'use strict';

  if (!window.fetch || !Element.prototype.closest) {
    return;
  }

  var buttons = document.querySelectorAll('button.helpful-button');
  if (!buttons.length) {
    return;
  }

  showMarked();

  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (!button || !button.classList.contains('helpful-button')) {
      return;
    }
    event.preventDefault();
    send(button);
  });

  function showMarked() {
    window.roundtablePersonal().then(function (answer) {
      var marked = {};
      var mine = {};
      answer.marked.forEach(function (id) { marked[id] = true; });
      answer.mine.forEach(function (id) { mine[id] = true; });
      buttons.forEach(function (button) {
        if (mine[commentId(button)]) {
          offerNewLink(button);
        } else if (marked[commentId(button)]) {
          show(button, true, null);
        }
      });
    });
  }

  /** On the reader's own comment, "Get a new private link" where the Helpful button was. */
  function offerNewLink(button) {
    var link = document.createElement('a');
    link.href = '/authors/new-link';
    link.textContent = 'Get a new private link';
    button.replaceWith(link);
  }

  function send(button) {
    // Busy, not disabled: a disabled button loses keyboard focus, and the reader could not press it again.
    if (button.getAttribute('aria-busy') === 'true') {
      return;
    }
    var fields = new URLSearchParams(new FormData(button.form));
    fields.set(button.name, button.value);
    button.setAttribute('aria-busy', 'true');
    fetch(button.formAction, {
      method: 'POST',
      body: fields,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (response.ok) {
          show(button, answer.helpful, answer.count);
        } else {
          note(button, answer.error || 'That did not work. Please try again.');
        }
      });
    }).catch(function () {
      note(button, 'Your mark could not be sent. Please check your connection and try again.');
    }).then(function () {
      button.removeAttribute('aria-busy');
    });
  }

  function show(button, helpful, count) {
    button.value = helpful ? 'no' : 'yes';
    button.setAttribute('aria-pressed', String(helpful));
    if (count !== null) {
      var shown = button.querySelector('.helpful-count');
      shown.setAttribute('data-count', String(count));
      shown.textContent = count > 0 ? ' (' + count + ')' : '';
    }
  }

  function note(button, message) {
    var shown = button.parentNode.querySelector('.helpful-note');
    if (!shown) {
      shown = document.createElement('p');
      shown.className = 'helpful-note';
      shown.setAttribute('role', 'status');
      button.after(shown);
    }
    shown.textContent = message;
  }

  function commentId(button) {
    return Number(button.getAttribute('formaction').match(/\/comments\/([0-9]+)\/helpful$/)[1]);
  }
})();
