package org.roundtable.article;

import java.util.Locale;

/** How an article treats new comments; chosen per article in the admin page. */
public enum ModerationPolicy {
    /** Published at once, moderated afterwards. */
    OPEN("Open: comments appear at once"),
    /** Someone whose author cookie has no published comment yet waits for a moderator. */
    FIRST_TIME_HELD("First-time posters are held for approval"),
    /** Every comment waits for a moderator. */
    ALL_HELD("All comments are held for approval");

    private final String label;

    ModerationPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Why a comment held by this policy waits, as the moderation queue says it. */
    public String holdReason() {
        return this == ALL_HELD ? "This article holds every comment for approval"
                : "A first comment from this browser, and this article holds first-time posters";
    }

    public boolean holds(boolean authorHasPublishedComment) {
        return this == ALL_HELD || (this == FIRST_TIME_HELD && !authorHasPublishedComment);
    }
}
