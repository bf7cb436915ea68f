/*
 * "Helpful" without leaving the page. Without this file each button is a form that marks the comment and brings
 * the reader back to it. With it, the mark is sent in the background, the button shows it pressed and the count
 * moves; and since everyone's cached page is the same, which buttons this browser pressed before is asked of a
 * small personal address when the page opens. The same answer lists the reader's own comments: once the edit window
 * is over, the shared page cannot tell them apart, so here theirs lose the Helpful button (it is for what others
 * wrote) and gain the way to a new private link, which still opens the replies feed and signs in other devices.
 */
(function () {
  'use strict';

  if (!window.fetch || !Element.prototype.closest) {
    return;
  }

  var forms = document.querySelectorAll('form.helpful-form');
  if (!forms.length) {
    return;
  }

  showMarked();

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList.contains('helpful-form')) {
      return;
    }
    event.preventDefault();
    send(form);
  });

  function showMarked() {
    personal().then(function (answer) {
      var marked = {};
      var mine = {};
      answer.marked.forEach(function (id) { marked[id] = true; });
      answer.mine.forEach(function (id) { mine[id] = true; });
      forms.forEach(function (form) {
        if (mine[commentId(form)]) {
          offerNewLink(form);
        } else if (marked[commentId(form)]) {
          show(form, true, null);
        }
      });
    });
  }

  /**
   * The reader's personal answer, asked once for every script on the page (whats-new.js uses it too). When it
   * cannot be had, the buttons still work; they just do not show this browser's earlier marks.
   */
  function personal() {
    if (!window.roundtablePersonal) {
      var address = forms[0].getAttribute('action').replace(/\/comments\/[0-9]+\/helpful$/, '/helpful');
      window.roundtablePersonal = fetch(address, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : { marked: [], mine: [] }; })
        .catch(function () { return { marked: [], mine: [] }; });
    }
    return window.roundtablePersonal;
  }

  /** On the reader's own comment, "Get a new private link" where the Helpful button was. */
  function offerNewLink(form) {
    var link = document.createElement('a');
    link.href = '/authors/new-link';
    link.textContent = 'Get a new private link';
    form.replaceWith(link);
  }

  function send(form) {
    var button = form.querySelector('button');
    // Busy, not disabled: a disabled button loses keyboard focus, and the reader could not press it again.
    if (button.getAttribute('aria-busy') === 'true') {
      return;
    }
    button.setAttribute('aria-busy', 'true');
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (response.ok) {
          show(form, answer.helpful, answer.count);
        } else {
          note(form, answer.error || 'That did not work. Please try again.');
        }
      });
    }).catch(function () {
      note(form, 'Your mark could not be sent. Please check your connection and try again.');
    }).then(function () {
      button.removeAttribute('aria-busy');
    });
  }

  function show(form, helpful, count) {
    form.querySelector('input[name=helpful]').value = helpful ? 'no' : 'yes';
    form.querySelector('button').setAttribute('aria-pressed', String(helpful));
    if (count !== null) {
      var shown = form.querySelector('.helpful-count');
      shown.setAttribute('data-count', String(count));
      shown.textContent = count > 0 ? ' (' + count + ')' : '';
    }
  }

  function note(form, message) {
    var shown = form.parentNode.querySelector('.helpful-note');
    if (!shown) {
      shown = document.createElement('p');
      shown.className = 'helpful-note';
      shown.setAttribute('role', 'status');
      form.after(shown);
    }
    shown.textContent = message;
  }

  function commentId(form) {
    return Number(form.getAttribute('action').match(/\/comments\/([0-9]+)\/helpful$/)[1]);
  }
})();
