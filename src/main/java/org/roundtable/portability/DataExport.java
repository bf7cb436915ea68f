package org.roundtable.portability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything Roundtable keeps, as JSON: one object, {@code {"format": "roundtable-export", "version": 1,
 * "schema": "<migration version>", "tables": {"<table>": [ {column: value, ...}, ... ], ...}}}, the tables
 * in the order they must be read back. Column names and values are those of the database: ids as numbers,
 * times as milliseconds since 1970, flags as 0/1. Moderator sessions, login failures and the signing secret are
 * left out: they belong to one running installation, not to its content. Importing needs an empty database
 * at the same schema version, and gives back every row with its id.
 */
public final class DataExport {

    static final String FORMAT = "roundtable-export";
    static final int VERSION = 1;

    /** The exported tables and their columns, parents before children. */
    static final Map<String, List<String>> TABLES = tables();

    private static Map<String, List<String>> tables() {
        var tables = new LinkedHashMap<String, List<String>>();
        tables.put("articles", List.of("id", "slug", "title", "author", "byline", "source", "published_on", "lead_markdown",
                "closing_markdown", "imported_at", "moderation_policy"));
        tables.put("discussions", List.of("id", "article_id", "discussion_key", "position", "title", "body_markdown", "locked",
                "comment_count", "thread_count"));
        tables.put("authors", List.of("id", "public_id", "manage_token_hash", "created_at"));
        tables.put("moderators", List.of("id", "username", "password_hash", "role", "created_at", "removed_at"));
        tables.put("comments", List.of("id", "discussion_id", "parent_id", "root_id", "depth", "author_id", "author_name", "body",
                "status", "created_at", "edited_at", "edited_by_moderator", "ip_hash", "import_key",
                "held_reason", "by_article_author"));
        tables.put("reports", List.of("id", "comment_id", "author_id", "ip_hash", "reason", "details", "created_at", "resolved_at"));
        tables.put("bans", List.of("id", "author_id", "ip_hash", "reason", "comment_id", "created_by", "created_at", "expires_at",
                "lifted_at", "lifted_by"));
        tables.put("blocklist", List.of("id", "kind", "value", "verdict", "created_by", "created_at"));
        tables.put("audit_log", List.of("id", "moderator_id", "moderator", "action", "target_type", "target_id", "before_value",
                "after_value", "created_at"));
        return tables;
    }

    private final Jdbi jdbi;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DataExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void exportTo(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " already exists; choose a new file name");
        }
        Map<String, Object> document = jdbi.withHandle(handle -> {
            var tables = new LinkedHashMap<String, Object>();
            TABLES.forEach((table, columns) -> tables.put(table, handle.createQuery(
                    "SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY id").mapToMap().list()));
            var root = new LinkedHashMap<String, Object>();
            root.put("format", FORMAT);
            root.put("version", VERSION);
            root.put("schema", schema(handle));
            root.put("tables", tables);
            return root;
        });
        json.writeValue(file.toFile(), document);
    }

    /** Reads an export into this database, which must hold no readers' comments yet; all or nothing. */
    public void importFrom(Path file) throws IOException {
        Map<String, Object> document;
        try {
            document = json.readValue(file.toFile(), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(document.get("format")) || !Integer.valueOf(VERSION).equals(document.get("version"))) {
            throw new IllegalArgumentException(file + " is not a Roundtable export (version " + VERSION + ")");
        }
        jdbi.useTransaction(handle -> {
            String schema = schema(handle);
            if (!schema.equals(document.get("schema"))) {
                throw new IllegalArgumentException("The export is of schema " + document.get("schema") + ", this database is at " + schema);
            }
            // Empty: nothing but what start-up imports (the articles and their original comments).
            if (handle.createQuery("SELECT COUNT(*) FROM comments WHERE author_id IS NOT NULL OR import_key IS NOT NULL")
                    .mapTo(Integer.class).one() > 0) {
                throw new IllegalArgumentException("This database already has readers' comments; import into an empty one");
            }
            // An empty database may still hold what start-up imports; the export brings its own copy.
            for (String table : reversed(List.copyOf(TABLES.keySet()))) {
                handle.execute("DELETE FROM " + table);
            }
            Map<?, ?> tables = (Map<?, ?>) document.get("tables");
            TABLES.forEach((table, columns) -> insertAll(handle, table, columns, (List<?>) tables.get(table)));
        });
    }

    private static void insertAll(Handle handle, String table, List<String> columns, List<?> rows) {
        if (rows == null) {
            throw new IllegalArgumentException("The export has no table '" + table + "'");
        }
        var insert = handle.prepareBatch("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")");
        for (Object row : rows) {
            Map<?, ?> values = (Map<?, ?>) row;
            columns.forEach(column -> insert.bind(column, values.get(column)));
            insert.add();
        }
        if (!rows.isEmpty()) {
            insert.execute();
        }
    }

    private static String schema(Handle handle) {
        return handle.createQuery("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")
                .mapTo(String.class).one();
    }

    private static <T> List<T> reversed(List<T> list) {
        var copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
