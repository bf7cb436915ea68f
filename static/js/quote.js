/*
 * "Quote": selecting words in a comment offers a button beside its Reply that opens the reply form with the
 * selection as a Markdown quote. Without this file, a comment's own page offers "Quote the comment" instead.
 */
(function () {
  'use strict';

  if (!window.getSelection || !Element.prototype.closest) {
    return;
  }

  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button quote-button';
  button.textContent = 'Quote';
  var quoted = '';
  // Pressing the button collapses the selection before the click: the words are taken when the press starts.
  var pressing = false;

  document.addEventListener('selectionchange', function () {
    if (pressing) {
      return;
    }
    var selected = selection();
    if (!selected) {
      button.remove(); // A button left behind would quote words the reader no longer sees selected.
      return;
    }
    if (button.previousElementSibling !== selected.reply) {
      selected.reply.after(button);
    }
  });

  button.addEventListener('pointerdown', capture);
  button.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.key === ' ') {
      capture();
    }
  });
  ['pointerup', 'pointercancel', 'keyup'].forEach(function (type) {
    // After the click this press made, if any; a press that ended elsewhere leaves the button as the selection is.
    document.addEventListener(type, function () {
      if (pressing) {
        setTimeout(function () {
          pressing = false;
          if (!selection()) {
            button.remove();
          }
        }, 0);
      }
    }, true);
  });

  function capture() {
    var selected = selection();
    if (selected) {
      quoted = selected.text;
    }
    pressing = true;
  }

  button.addEventListener('click', function () {
    var comment = button.closest('article.comment');
    var reply = comment.querySelector(':scope > .comment-actions a.reply-link');
    reply.click();
    var field = comment.querySelector(':scope > .inline-reply textarea') || document.querySelector('#reply textarea');
    if (!field) {
      return;
    }
    var quote = quoted.split(/\r?\n/).map(function (line) { return '> ' + line; }).join('\n') + '\n\n';
    field.value = field.value ? field.value.replace(/\s*$/, '\n\n') + quote : quote;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    button.remove();
  });

  /**
   * The selected words and the Reply link of the comment whose body holds them, or null. A triple-click selects a
   * paragraph up to the start of whatever follows it, which may lie past the comment's words: what lies past them
   * may be only that empty edge, and is left out.
   */
  function selection() {
    var current = window.getSelection();
    if (current.isCollapsed || !current.rangeCount) {
      return null;
    }
    var range = current.getRangeAt(0).cloneRange();
    var body = elementOf(range.startContainer).closest('.comment-body');
    if (!body) {
      return null;
    }
    if (!body.contains(range.endContainer)) {
      var beyond = range.cloneRange();
      beyond.setStartAfter(body);
      if (beyond.toString().trim()) {
        return null;
      }
      range.setEnd(body, body.childNodes.length);
    }
    var text = range.toString().trim();
    var reply = text && body.closest('article.comment').querySelector(':scope > .comment-actions a.reply-link');
    return reply ? { text: text, reply: reply } : null;
  }

  function elementOf(node) {
    return node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  }
})();
