package org.roundtable.queue;

import java.util.Arrays;
import java.util.Locale;

/** The views of the moderation queue, by status or open reports, each a fixed SQL condition on comment {@code c}. */
public enum QueueFilter {
    HELD("Held", "c.status = 'held'"),
    REPORTED("Reported", "EXISTS (SELECT 1 FROM reports r WHERE r.comment_id = c.id AND r.resolved_at IS NULL)"),
    SPAM("Spam", "c.status = 'spam'"),
    PUBLISHED("Published", "c.status = 'published'"),
    REJECTED("Rejected", "c.status = 'rejected'"),
    DELETED("Deleted", "c.status = 'deleted'"),
    ALL("All", "1 = 1");

    private final String label;
    private final String condition;

    QueueFilter(String label, String condition) {
        this.label = label;
        this.condition = condition;
    }

    public String label() {
        return label;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String condition() {
        return condition;
    }

    public static QueueFilter fromValue(String value) {
        return Arrays.stream(values()).filter(f -> f.value().equals(value)).findFirst().orElse(HELD);
    }
}
