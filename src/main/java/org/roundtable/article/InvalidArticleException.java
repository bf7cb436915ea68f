package org.roundtable.article;

/** An article file that cannot be imported, with the reason in words an editor can act on. */
public final class InvalidArticleException extends RuntimeException {

    public InvalidArticleException(String origin, String reason) {
        super("Cannot import article " + origin + ": " + reason);
    }
}
