/*
 * "Helpful" without leaving the page. Without this file each button sends the page's one Helpful form to its
 * comment's address, which marks the comment and brings the reader back to it. With it, the mark is sent in the background, the button shows it pressed and the count
 * moves; and since everyone's cached page is the same, which buttons this browser pressed before is asked of a
 * small personal address when the page opens.
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
    var marksAddress = buttons[0].getAttribute('formaction').replace(/\/comments\/[0-9]+\/helpful$/, '/helpful');
    fetch(marksAddress, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : { marked: [] }; })
      .then(function (answer) {
        var marked = {};
        answer.marked.forEach(function (id) { marked[id] = true; });
        buttons.forEach(function (button) {
          if (marked[commentId(button)]) {
            show(button, true, null);
          }
        });
      })
      .catch(function () {
        // The buttons still work; they just do not show this browser's earlier marks.
      });
  }

  function send(button) {
    var fields = new URLSearchParams(new FormData(button.form));
    fields.set(button.name, button.value);
    button.disabled = true;
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
      button.disabled = false;
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
