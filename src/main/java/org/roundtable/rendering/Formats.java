package org.roundtable.rendering;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * How times read on the page: "March 23, 2018 at 3:20 pm UTC", as the comment sections people know show them,
 * with the zone they are in (TIME_ZONE), since readers of one article live in several.
 */
public final class Formats {

    private final DateTimeFormatter readable;

    public Formats(ZoneId zone) {
        this.readable = new DateTimeFormatterBuilder()
                .appendPattern("MMMM d, yyyy 'at' h:mm ")
                .appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "am", 1L, "pm"))
                .appendLiteral(' ')
                .appendZoneText(TextStyle.SHORT)
                .toFormatter(Locale.ENGLISH)
                .withZone(zone);
    }

    public String readable(Instant time) {
        return readable.format(time);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public static String iso(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }
}
