package org.roundtable.portability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * What an export holds: the tables, parents before children, and each column's kind of value. In the file a
 * value is written the same way whichever engine it came from (numbers, text, ISO-8601 times and dates, true
 * and false), and read back into whichever engine receives it. Moderator sessions, login failures and flood
 * counters are left out: they belong to one running installation, not to its content; so are each person's
 * current stance, the tallies and the helpful counts, which are worked out again from the comments and the marks.
 */
final class ExportedTables {

    /** The kinds of value a column holds, and how each is written to and read from a file. */
    enum Kind {
        NUMBER(Long.class), TEXT(String.class), TIME(Instant.class), DATE(LocalDate.class), FLAG(Boolean.class);

        final Class<?> javaType;

        Kind(Class<?> javaType) {
            this.javaType = javaType;
        }

        /** The column's value in the current row, as the file writes it; null for SQL NULL. */
        Object read(ResultSet row, int index, StatementContext context) throws SQLException {
            Object value = switch (this) {
                case NUMBER -> row.getLong(index);
                case TEXT -> row.getString(index);
                case FLAG -> row.getBoolean(index);
                case TIME, DATE -> context.findColumnMapperFor(javaType).orElseThrow().map(row, index, context);
            };
            if (row.wasNull() || value == null) {
                return null;
            }
            return this == TIME || this == DATE ? value.toString() : value;
        }

        /**
         * The value read from a file into what the database is given. Files of version 1 wrote times as
         * milliseconds since 1970 and flags as 0 or 1; later ones write ISO-8601 and true or false.
         */
        Object fromFile(Object value) {
            if (value == null) {
                return null;
            }
            try {
                return switch (this) {
                    case NUMBER -> ((Number) value).longValue();
                    case TEXT -> (String) value;
                    case TIME -> value instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : Instant.parse((String) value);
                    case DATE -> LocalDate.parse((String) value);
                    case FLAG -> value instanceof Number number ? number.intValue() != 0 : (Boolean) value;
                };
            } catch (ClassCastException | DateTimeParseException e) {
                throw new IllegalArgumentException("expected " + name().toLowerCase() + ", found " + value);
            }
        }
    }

    record Column(String name, Kind kind) {}

    static final Map<String, List<Column>> TABLES = tables();

    private ExportedTables() {}

    private static Map<String, List<Column>> tables() {
        var tables = new LinkedHashMap<String, List<Column>>();
        tables.put("articles", List.of(number("id"), text("slug"), text("title"), text("author"), text("byline"), text("source"),
                new Column("published_on", Kind.DATE), text("lead_markdown"), text("closing_markdown"), time("imported_at"),
                text("moderation_policy")));
        tables.put("discussions", List.of(number("id"), number("article_id"), text("discussion_key"), number("position"),
                text("title"), text("body_markdown"), flag("locked"), number("comment_count"), number("thread_count")));
        tables.put("authors", List.of(number("id"), text("public_id"), text("manage_token_hash"), time("created_at")));
        tables.put("moderators", List.of(number("id"), text("username"), text("password_hash"), text("role"),
                time("created_at"), time("removed_at"), text("display_name")));
        tables.put("comments", List.of(number("id"), number("discussion_id"), number("parent_id"), number("root_id"),
                number("depth"), number("author_id"), text("author_name"), text("body"), text("status"), time("created_at"),
                time("edited_at"), flag("edited_by_moderator"), text("ip_hash"), text("import_key"), text("held_reason"),
                flag("by_article_author"), text("stance"), time("stance_set_at"), number("moved_from_discussion_id")));
        tables.put("comment_revisions", List.of(number("id"), number("comment_id"), text("author_name"), text("body"),
                time("made_at"), text("made_by"), time("hidden_at"), number("hidden_by"), text("stance")));
        tables.put("helpful_votes", List.of(number("comment_id"), number("author_id"), time("created_at"), text("ip_hash"),
                flag("counted")));
        tables.put("reports", List.of(number("id"), number("comment_id"), number("author_id"), text("ip_hash"), text("reason"),
                text("details"), time("created_at"), time("resolved_at")));
        tables.put("bans", List.of(number("id"), number("author_id"), text("ip_hash"), text("reason"), number("comment_id"),
                number("created_by"), time("created_at"), time("expires_at"), time("lifted_at"), number("lifted_by")));
        tables.put("blocklist", List.of(number("id"), text("kind"), text("value"), text("verdict"), number("created_by"),
                time("created_at")));
        tables.put("summaries", List.of(number("id"), number("discussion_id"), text("body_markdown"), number("moderator_id"),
                text("written_by"), time("created_at")));
        tables.put("audit_log", List.of(number("id"), number("moderator_id"), text("moderator"), text("action"),
                text("target_type"), number("target_id"), text("before_value"), text("after_value"), time("created_at")));
        return tables;
    }

    private static Column number(String name) {
        return new Column(name, Kind.NUMBER);
    }

    private static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    private static Column time(String name) {
        return new Column(name, Kind.TIME);
    }

    private static Column flag(String name) {
        return new Column(name, Kind.FLAG);
    }
}
