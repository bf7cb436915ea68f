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

  document.addEventListener('selectionchange', function () {
    var selection = window.getSelection();
    var text = selection.isCollapsed ? '' : selection.toString().trim();
    var body = text && commonBody(selection);
    var reply = body && body.closest('article.comment').querySelector(':scope > .comment-actions a.reply-link');
    if (!reply) {
      return; // Keep the button while the reader moves to it: pressing it collapses the selection.
    }
    quoted = text;
    reply.after(button);
  });

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

  /** The comment body the whole selection lies in, or null. */
  function commonBody(selection) {
    var range = selection.getRangeAt(0);
    var node = range.commonAncestorContainer;
    var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element && element.closest('.comment-body');
  }
})();
