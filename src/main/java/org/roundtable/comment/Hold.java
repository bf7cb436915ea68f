package org.roundtable.comment;

/**
 * A comment set aside for a moderator: held (waits for approval) or marked spam, and why, in words the queue
 * shows ("More than 2 links", "Matches the blocked phrase …").
 */
public record Hold(CommentStatus status, String reason) {}
