package org.roundtable.comment;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a proposal stands: how many people (browsers, not comments) are for it, against it and undecided, each
 * counted by their latest stance among the comments readers can see.
 */
public record Tally(int inFavour, int against, int undecided) {

    public int people() {
        return inFavour + against + undecided;
    }

    public int count(Stance stance) {
        return switch (stance) {
            case FOR -> inFavour;
            case AGAINST -> against;
            case UNDECIDED -> undecided;
        };
    }

    /** "12 for, 5 against, 3 undecided — 20 people", or that nobody has taken a side yet. */
    public String text() {
        if (people() == 0) {
            return "Nobody has taken a stance yet";
        }
        return inFavour + " for, " + against + " against, " + undecided + " undecided — " + people()
                + (people() == 1 ? " person" : " people");
    }

    /** One stance's part of the bar: where it starts and how wide it is, in percent of the people counted. */
    public record Part(Stance stance, double offset, double width) {}

    /** The bar's parts, for, against and undecided in that order, leaving out stances nobody took. */
    public List<Part> parts() {
        var parts = new ArrayList<Part>();
        double offset = 0;
        for (Stance stance : Stance.values()) {
            double width = people() == 0 ? 0 : 100.0 * count(stance) / people();
            if (width > 0) {
                parts.add(new Part(stance, offset, width));
            }
            offset += width;
        }
        return parts;
    }
}
