/*
 * Progressive enhancement for discussions. Without this file everything still works through plain links
 * and forms; with it, "Reply" opens the form under the comment, posting keeps the reader on their page when the
 * new comment shows there, buttons marked data-confirm ask first, the name this browser last posted under
 * fills empty name fields (kept in local storage, so cached pages stay the same for everyone), and "select all"
 * ticks a moderator's checkboxes.
 */
(function () {
  'use strict';

  if (!window.fetch || !window.DOMParser || !Element.prototype.closest) {
    return;
  }

  var NAME_KEY = 'roundtable.name';

  function rememberedName() {
    try {
      return window.localStorage.getItem(NAME_KEY) || '';
    } catch (e) {
      return ''; // Storage switched off: the field simply stays empty.
    }
  }

  function rememberName(form) {
    var field = form.querySelector('input[name=name]');
    if (field && field.value.trim()) {
      try {
        window.localStorage.setItem(NAME_KEY, field.value.trim());
      } catch (e) {
        // Nothing to remember it in; the reader types it again next time.
      }
    }
  }

  function fillNames(root) {
    var name = rememberedName();
    if (!name) {
      return;
    }
    root.querySelectorAll('form.comment-form input[name=name]').forEach(function (field) {
      if (!field.value) {
        field.value = name;
      }
    });
  }

  fillNames(document);
  showWaitingPrivateLink();
  offerSelectAll();

  /** "Select all" ticks every box of its group; without a script the page offers a button for that instead. */
  function offerSelectAll() {
    document.querySelectorAll('input[data-select-all]').forEach(function (all) {
      var name = all.getAttribute('data-select-all');
      all.closest('label').hidden = false;
      all.addEventListener('change', function () {
        document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
          box.checked = all.checked;
        });
      });
    });
  }

  /**
   * A first comment's private link sits beside it; once the page has settled, make sure the reader who lands
   * on that comment sees all of it.
   */
  function showWaitingPrivateLink() {
    var notice = document.querySelector('.private-link');
    var landedOn = window.location.hash && notice && notice.closest('article.comment');
    if (!landedOn || '#' + landedOn.id !== window.location.hash) {
      return;
    }
    window.addEventListener('load', function () {
      landedOn.scrollIntoView({ block: 'start' });
      notice.scrollIntoView({ block: 'nearest' });
    });
  }

  document.addEventListener('click', function (event) {
    var previewButton = event.target.closest('button[name=preview]');
    if (previewButton && previewButton.form && previewButton.form.getAttribute('data-preview')) {
      event.preventDefault();
      showPreview(previewButton.form);
      return;
    }
    var link = event.target.closest('a.reply-link');
    if (link && findTemplateForm(link)) {
      event.preventDefault();
      openReply(link);
    }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var confirming = form.querySelector('[data-confirm]');
    if (confirming) {
      if (!window.confirm(confirming.getAttribute('data-confirm'))) {
        event.preventDefault();
      } else if (!form.querySelector('input[name=confirmed]')) {
        // Asked here already: the server need not ask again on a page of its own.
        var confirmed = document.createElement('input');
        confirmed.type = 'hidden';
        confirmed.name = 'confirmed';
        confirmed.value = 'yes';
        form.appendChild(confirmed);
      }
      return;
    }
    if (form.classList.contains('comment-form')) {
      rememberName(form);
    }
    if (form.classList.contains('comment-form') && form.closest('.discussion')) {
      event.preventDefault();
      send(form);
    }
  });

  /** The discussion's own "Leave a reply" form, which inline reply forms are copied from. */
  function findTemplateForm(element) {
    var discussion = element.closest('.discussion');
    if (!discussion) {
      return null;
    }
    var forms = discussion.querySelectorAll('form.comment-form');
    for (var i = 0; i < forms.length; i++) {
      if (!forms[i].closest('.inline-reply')) {
        return forms[i];
      }
    }
    return null;
  }

  function openReply(link) {
    var comment = link.closest('article.comment');
    var open = comment.querySelector('.inline-reply');
    if (open && open.closest('article.comment') === comment) {
      open.querySelector('textarea').focus();
      return;
    }
    var template = findTemplateForm(link);
    var id = 'reply-to-' + link.getAttribute('data-parent');
    var form = template.cloneNode(true);
    renameIds(form, template.id, id);
    form.querySelector('input[name=parent]').value = link.getAttribute('data-parent');
    form.querySelector('textarea').value = '';
    // A reply takes no stance: only a new thread on a proposal does.
    form.querySelectorAll('.form-error, .comment-preview, .stance-choices').forEach(function (stale) {
      stale.remove();
    });
    var author = comment.querySelector('.comment-author');
    form.querySelector('.form-title').textContent = 'Reply to ' + (author ? author.textContent : 'this comment');

    var cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'cancel-reply';
    cancel.textContent = 'Cancel';
    cancel.addEventListener('click', function () {
      wrapper.remove();
      link.focus();
    });
    form.querySelector('.form-buttons').appendChild(cancel);

    var wrapper = document.createElement('div');
    wrapper.className = 'inline-reply';
    wrapper.appendChild(form);
    comment.querySelector('.comment-actions').after(wrapper);
    form.querySelector('textarea').focus();
  }

  /** Shows the comment as it would look, rendered by the server, above the form's buttons; the page stays put. */
  function showPreview(form) {
    fetch(form.getAttribute('data-preview'), {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' }
    }).then(function (response) {
      return response.text().then(function (html) {
        var answer = new DOMParser().parseFromString(html, 'text/html');
        var fresh = answer.querySelector('.comment-preview');
        var old = form.querySelector('.comment-preview');
        if (!response.ok || !fresh) {
          // An earlier preview would look like this one worked: it goes, and the reason shows where the reader is.
          if (old) {
            old.remove();
          }
          // The server says why (too long, closed, too many at once); otherwise the text is kept all the same.
          var refusal = answer.querySelector('.form-error');
          showMessage(form, refusal ? refusal.textContent : 'The preview could not be made just now. Your text is still here.');
          if (response.status === 422) {
            form.querySelector('textarea').setAttribute('aria-invalid', 'true');
          }
          form.querySelector('.form-error').scrollIntoView({ block: 'nearest' });
          return;
        }
        clearMessage(form);
        if (old) {
          old.replaceWith(fresh);
        } else {
          form.querySelector('.form-buttons').before(fresh);
        }
      });
    }).catch(function () {
      showMessage(form, 'The preview could not be made: please check your connection.');
    });
  }

  function renameIds(form, from, to) {
    form.id = to;
    ['id', 'for', 'aria-labelledby', 'aria-describedby'].forEach(function (attribute) {
      form.querySelectorAll('[' + attribute + ']').forEach(function (element) {
        element.setAttribute(attribute, element.getAttribute(attribute).split(from).join(to));
      });
    });
    form.setAttribute('aria-labelledby', to + '-legend');
  }

  function commentIds(root) {
    return Array.prototype.map.call(root.querySelectorAll('article.comment[id]'), function (c) { return c.id; });
  }

  function send(form) {
    var section = form.closest('.discussion');
    var before = commentIds(document);
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' }
    }).then(function (response) {
      return response.text().then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        if (response.ok) {
          showPosted(section, page, before, response.url);
        } else {
          showRefusal(form, page);
          button.disabled = false;
        }
      });
    }).catch(function () {
      showMessage(form, 'Your comment could not be sent. Please check your connection and try again.');
      button.disabled = false;
    });
  }

  /**
   * The server answers a post with the page where the new comment can be seen. If that is the page the reader
   * is on, its discussion is refreshed in place; otherwise (a preview under the article, another page of the
   * discussion) the reader goes there, as they would without this script.
   */
  function showPosted(section, page, before, url) {
    var posted = postedComment(page, before);
    var fresh = section.id && page.getElementById(section.id);
    if (!fresh || !posted || !samePage(page, url) || !fresh.querySelector('#' + posted)) {
      goTo(url.split('#')[0] + (posted ? '#' + posted : ''));
      return;
    }
    section.replaceWith(fresh);
    fillNames(fresh);
    var comment = document.getElementById(posted);
    comment.setAttribute('tabindex', '-1');
    comment.focus({ preventScroll: true });
    comment.scrollIntoView({ block: 'nearest' });
  }

  /**
   * The id of the comment just posted: of the comments the answer shows that were not on screen (others may
   * have come, and a preview shows few), the newest the reader can edit, which only its author can.
   */
  function postedComment(page, before) {
    var added = commentIds(page).filter(function (id) { return before.indexOf(id) < 0; });
    var own = added.filter(function (id) {
      return page.getElementById(id).querySelector(':scope > .comment-actions a[href$="/edit"]');
    });
    var candidates = own.length ? own : added;
    return candidates.sort(function (a, b) { return number(a) - number(b); }).pop();
  }

  function number(commentId) {
    return parseInt(commentId.replace('comment-', ''), 10);
  }

  /** Loads {@code address}, even when it differs from the page on screen only by its fragment. */
  function goTo(address) {
    var reload = address.split('#')[0] === window.location.href.split('#')[0];
    window.location.href = address;
    if (reload) {
      window.location.reload();
    }
  }

  /**
   * Whether the page the server answered with is the one on screen: the same address, or the same discussion
   * page reached by another address (the first page with or without "?sort=oldest").
   */
  function samePage(page, url) {
    var target = new URL(url, window.location.href);
    if (target.href.split('#')[0] === window.location.href.split('#')[0]) {
      return true;
    }
    var shownSort = text(document, '.sort [aria-current]');
    var answeredSort = text(page, '.sort [aria-current]');
    return target.pathname === window.location.pathname
      && text(page, '.page-count') === text(document, '.page-count')
      && (shownSort === answeredSort || !shownSort || !answeredSort);
  }

  function text(root, selector) {
    var element = root.querySelector(selector);
    return element ? element.textContent.trim() : '';
  }

  function showRefusal(form, page) {
    var error = page.querySelector('.form-error');
    showMessage(form, error ? error.textContent : 'Your comment could not be posted. Please try again.');
  }

  /** Takes away what an earlier answer said went wrong, once a later one went right. */
  function clearMessage(form) {
    var error = form.querySelector('.form-error');
    if (error) {
      error.remove();
    }
    form.querySelector('textarea').removeAttribute('aria-invalid');
  }

  function showMessage(form, text) {
    var error = form.querySelector('.form-error');
    if (!error) {
      error = document.createElement('p');
      error.className = 'form-error';
      error.setAttribute('role', 'alert');
      error.id = form.id + '-error';
      form.querySelector('.field').before(error);
    }
    error.textContent = text;
  }
})();
