/*
 * Progressive enhancement for discussions. Without this file everything still works through plain links
 * and forms; with it, "Reply" opens the form under the comment, posting keeps the reader where they are,
 * buttons marked data-confirm ask first, and the name this browser last posted under fills empty name fields
 * (kept in local storage, so cached pages stay the same for everyone).
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

  document.addEventListener('click', function (event) {
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
    var error = form.querySelector('.form-error');
    if (error) {
      error.remove();
    }
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

  function showPosted(section, page, before, url) {
    var added = commentIds(page).filter(function (id) { return before.indexOf(id) < 0; });
    var fresh = section.id && page.getElementById(section.id);
    if (!fresh || added.length === 0) {
      window.location.href = url.split('#')[0] + (added.length ? '#' + added[0] : '');
      return;
    }
    section.replaceWith(fresh);
    fillNames(fresh);
    showPrivateLink(page);
    var comment = document.getElementById(added[0]);
    comment.setAttribute('tabindex', '-1');
    comment.focus({ preventScroll: true });
    comment.scrollIntoView({ block: 'nearest' });
  }

  /** A first comment brings the private link; show it without pushing the page the reader is looking at. */
  function showPrivateLink(page) {
    var notice = page.querySelector('.private-link');
    if (!notice || document.querySelector('.private-link')) {
      return;
    }
    var header = document.querySelector('.site-header');
    var height = document.documentElement.scrollHeight;
    header.after(document.importNode(notice, true));
    window.scrollBy(0, document.documentElement.scrollHeight - height);
  }

  function showRefusal(form, page) {
    var error = page.querySelector('.form-error');
    showMessage(form, error ? error.textContent : 'Your comment could not be posted. Please try again.');
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
