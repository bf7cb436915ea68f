/*
 * What is new since the reader's last visit, kept in this browser alone (local storage), so every reader gets the
 * same cached page. For each discussion the page shows, it remembers when the page was made (by the server's clock)
 * and how many comments the discussion had; on the next visit, comments made after that are marked "new", the
 * contents say how many came, and a link leads to the first new one. A discussion counts as seen only on a page
 * that showed every comment it gained (the article shows a few threads of each; its own pages show them all), and
 * the reader's own comments are never new to them (the personal answer personal.js asks for lists them).
 */
(function () {
  'use strict';

  var rendered = document.querySelector('meta[name="roundtable:rendered-at"]');
  var article = location.pathname.match(/^\/articles\/([^/]+)/);
  var storage = localStore();
  if (!rendered || !article || !storage || !document.querySelector('[data-discussion]') || !window.fetch) {
    return;
  }
  var KEY = 'roundtable.visits.' + article[1];
  var renderedAt = Date.parse(rendered.getAttribute('content'));
  var visits = read();

  if (!Object.keys(visits).length) {
    remember({}); // A first visit: nothing to mark, and no need to ask which comments are the reader's.
    return;
  }
  window.roundtablePersonal().then(function (answer) {
    var mine = {};
    answer.mine.forEach(function (id) { mine['comment-' + id] = true; });
    var shown = {};
    // One discussion at a time, each in a task of its own: done in one go, on an article with 150 comments in every
    // discussion, this held a phone's main thread for 113-173 ms, and the reader's taps waited.
    var sections = Array.prototype.slice.call(document.querySelectorAll('section.discussion[data-discussion]'));
    nextStep();

    function nextStep() {
      var section = sections.shift();
      if (section) {
        var key = section.getAttribute('data-discussion');
        shown[key] = (shown[key] || 0) + markNewComments(section, mine);
        setTimeout(nextStep, 0);
        return;
      }
      document.querySelectorAll('[data-discussion][data-count]').forEach(countNewComments);
      remember(shown);
    }
  });

  /** Marks the comments made since the last visit, but the reader's own; returns how many came, theirs included. */
  function markNewComments(section, mine) {
    var last = visits[section.getAttribute('data-discussion')];
    if (!last) {
      return 0;
    }
    var fresh = [];
    var came = 0;
    section.querySelectorAll('article.comment').forEach(function (comment) {
      var time = comment.querySelector(':scope > .comment-meta time');
      if (time && Date.parse(time.getAttribute('datetime')) > last.at) {
        came++;
        if (mine[comment.id]) {
          return;
        }
        comment.classList.add('is-new');
        var badge = document.createElement('span');
        badge.className = 'new-badge';
        badge.textContent = 'new';
        time.closest('a').after(badge);
        fresh.push({ comment: comment, at: Date.parse(time.getAttribute('datetime')) });
      }
    });
    if (!fresh.length) {
      return came;
    }
    fresh.sort(function (a, b) { return a.at - b.at; });
    var jump = document.createElement('p');
    jump.className = 'jump-to-new';
    var link = document.createElement('a');
    link.href = '#' + fresh[0].comment.id;
    link.textContent = fresh.length === 1 ? 'Jump to the new comment' : 'Jump to the first of ' + fresh.length + ' new comments';
    jump.appendChild(link);
    var threads = section.querySelector('.threads');
    (threads || section).before(jump);
    return came;
  }

  /** In the contents, and on a discussion's page, how many comments came since the last visit. */
  function countNewComments(element) {
    var last = visits[element.getAttribute('data-discussion')];
    var added = last ? Number(element.getAttribute('data-count')) - last.count : 0;
    if (added <= 0 || element.tagName !== 'LI') {
      return;
    }
    var note = document.createElement('span');
    note.className = 'new-count';
    note.textContent = added + ' new';
    (element.querySelector(':scope > .count') || element.querySelector(':scope > a')).after(note);
  }

  /**
   * Each discussion on this page as of now: when the page was made, and its count where the page shows one; but a
   * discussion that gained more comments than this page showed ({@code shown}) stays as it was, so that its own
   * page, or the next visit, still marks them.
   */
  function remember(shown) {
    var now = {};
    document.querySelectorAll('[data-discussion]').forEach(function (element) {
      var key = element.getAttribute('data-discussion');
      now[key] = now[key] || { at: renderedAt, count: (visits[key] || { count: 0 }).count };
      if (element.hasAttribute('data-count')) {
        now[key].count = Number(element.getAttribute('data-count'));
      }
    });
    Object.keys(now).forEach(function (key) {
      var last = visits[key];
      if (!last || now[key].count - last.count <= (shown[key] || 0)) {
        visits[key] = now[key];
      }
    });
    try {
      storage.setItem(KEY, JSON.stringify(visits));
    } catch (e) {
      // Storage full or refused: the next visit simply marks nothing.
    }
  }

  function read() {
    try {
      return JSON.parse(storage.getItem(KEY) || '{}') || {};
    } catch (e) {
      return {};
    }
  }

  function localStore() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }
})();
