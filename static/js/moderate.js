/*
 * "Moderate" beside every comment, for a signed-in moderator only. Pages are the same for everyone (and cached), and
 * the moderator's session cookie is sent only to /admin, so this asks /admin/me.json whether this browser is signed
 * in; if it is, each comment gets a link that opens it in the moderation queue. Without this file moderators find a
 * comment with the queue's search.
 */
(function () {
  'use strict';

  if (!window.fetch) {
    return;
  }

  var comments = document.querySelectorAll('article.comment[id^="comment-"] > .comment-actions');
  if (!comments.length) {
    return;
  }

  fetch('/admin/me.json', { credentials: 'same-origin', redirect: 'error', headers: { 'Accept': 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : { moderator: false }; })
    .then(function (answer) {
      if (answer.moderator === true) {
        comments.forEach(addLink);
      }
    })
    .catch(function () { /* Not signed in, or the server could not say: readers see no link either way. */ });

  function addLink(actions) {
    var id = actions.parentElement.id.replace('comment-', '');
    var link = document.createElement('a');
    link.className = 'moderate-link';
    link.href = '/admin/queue?filter=all&comment=' + encodeURIComponent(id);
    link.textContent = 'Moderate';
    actions.appendChild(link);
  }
})();
