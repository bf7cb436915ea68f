/*
 * "Moderate" beside every comment, for a signed-in moderator only. Pages are the same for everyone (and cached), and
 * the moderator's session cookie is sent only to /admin, so this asks /admin/me.json whether this browser is signed
 * in; if it is, each comment gets a link that opens it in the moderation queue. Only a browser that has shown a
 * signed-in moderator's page asks (it remembers that here), so readers' pages make no extra request. Without this
 * file moderators find a comment with the queue's search.
 */
(function () {
  'use strict';

  var REMEMBERED = 'roundtable.moderator';

  if (!window.fetch || !window.localStorage) {
    return;
  }

  if (document.querySelector('.admin-nav')) {
    remember(true);
    return;
  }

  var comments = document.querySelectorAll('article.comment[id^="comment-"] > .comment-actions');
  if (!comments.length || !remembered()) {
    return;
  }

  fetch('/admin/me.json', { credentials: 'same-origin', redirect: 'error', headers: { 'Accept': 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : { moderator: false }; })
    .then(function (answer) {
      if (answer.moderator === true) {
        comments.forEach(addLink);
      } else {
        remember(false);
      }
    })
    .catch(function () { /* The server could not say: no link, as for readers. */ });

  function addLink(actions) {
    var id = actions.parentElement.id.replace('comment-', '');
    var link = document.createElement('a');
    link.className = 'moderate-link';
    link.href = '/admin/queue?filter=all&comment=' + encodeURIComponent(id);
    link.textContent = 'Moderate';
    actions.appendChild(link);
  }

  function remembered() {
    try {
      return localStorage.getItem(REMEMBERED) === 'yes';
    } catch (blocked) {
      return false;
    }
  }

  // Storage may be refused (private modes, blocked cookies): then no link is offered, and the queue's search serves.
  function remember(moderator) {
    try {
      if (moderator) {
        localStorage.setItem(REMEMBERED, 'yes');
      } else {
        localStorage.removeItem(REMEMBERED);
      }
    } catch (blocked) {
      /* See above. */
    }
  }
})();
