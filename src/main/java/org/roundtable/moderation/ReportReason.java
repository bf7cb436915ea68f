package org.roundtable.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The short list a reader picks from when reporting a comment. */
public enum ReportReason {
    SPAM("Spam or advertising"),
    ABUSE("Abusive, hateful or harassing"),
    OFF_TOPIC("Off-topic"),
    OTHER("Something else");

    private final String label;

    ReportReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportReason> fromValue(String value) {
        return Arrays.stream(values()).filter(reason -> reason.value().equals(value)).findFirst();
    }
}
