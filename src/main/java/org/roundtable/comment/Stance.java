package org.roundtable.comment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the writer of a top-level comment in a proposal's discussion stands on the proposal. Shown as a word with
 * a symbol, never by colour alone.
 */
public enum Stance {
    FOR("For", "✓", "for"),
    AGAINST("Against", "✗", "against"),
    UNDECIDED("Undecided", "?", "undecided about");

    private final String label;
    private final String symbol;
    private final String towards;

    Stance(String label, String symbol, String towards) {
        this.label = label;
        this.symbol = symbol;
        this.towards = towards;
    }

    /** How the stance reads before "the proposal": "for", "against", "undecided about". */
    public String towards() {
        return towards;
    }

    /** As forms send it and the database keeps it: {@code for}, {@code against}, {@code undecided}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public String symbol() {
        return symbol;
    }

    /** The stance a form or a row names; empty for none (or for anything that is not one). */
    public static Optional<Stance> fromValue(String value) {
        return Arrays.stream(values()).filter(stance -> stance.value().equals(value)).findFirst();
    }
}
