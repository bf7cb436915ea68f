/*
 * The reader's personal answer for this page's article: the comments this browser marked helpful and those it
 * wrote, asked of /articles/{slug}/helpful once per page for every script that needs it (helpful.js shows the marks,
 * whats-new.js leaves the reader's own comments unmarked). Personal, so it is never part of the shared, cached
 * page. When it cannot be had, both scripts go on as for a browser with no marks and no comments.
 */
(function () {
  'use strict';

  var article = location.pathname.match(/^\/articles\/([^/]+)/);
  var answer = null;

  window.roundtablePersonal = function () {
    if (!answer) {
      var none = { marked: [], mine: [] };
      answer = !article || !window.fetch ? Promise.resolve(none)
        : fetch('/articles/' + article[1] + '/helpful', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : none; })
          .catch(function () { return none; });
    }
    return answer;
  };
}());
