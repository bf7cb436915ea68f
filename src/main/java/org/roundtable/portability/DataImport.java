package org.roundtable.portability;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.roundtable.comment.StanceRepository;
import org.roundtable.db.Database;
import org.roundtable.db.SettingsRepository;
import org.roundtable.helpful.HelpfulRepository;
import org.roundtable.portability.ExportedTables.Column;
import org.roundtable.search.SearchBackfill;

/**
 * Reads a file written by {@link DataExport} (version 1 or 2, from either engine) into an empty database, in one
 * transaction: all of it or, with a plain message naming the row at fault, nothing. Rows are read from the file
 * and inserted a batch at a time, keeping their ids; afterwards new rows get ids above them.
 */
public final class DataImport {

    private static final int ROWS_PER_BATCH = 1_000;
    /** Text columns declared longer than this are taken as unbounded (SQLite's TEXT, PostgreSQL's TEXT). */
    private static final int UNBOUNDED = 1_000_000;

    private final Database database;
    private final ObjectMapper json = new ObjectMapper();

    public DataImport(Database database) {
        this.database = database;
    }

    /**
     * What an export's opening fields say that the import needs, read before any row: whether the file was made at
     * an older schema than this database's (it may then lack tables added since), and the signing secret.
     */
    private record Header(boolean olderSchema, String signingSecret) {}

    /** Imports {@code file}; returns how many rows each table received. */
    public Map<String, Integer> importFrom(Path file) throws IOException {
        try (JsonParser parser = json.createParser(file.toFile())) {
            Header header = header(parser, file);
            return database.jdbi().inTransaction(handle -> {
                refuseUnlessEmpty(handle);
                // An empty database may still hold what start-up imports; the export brings its own copy.
                var children = new ArrayList<>(ExportedTables.TABLES.keySet());
                Collections.reverse(children);
                children.forEach(table -> handle.execute("DELETE FROM " + table));
                Map<String, Integer> counts = readTables(parser, handle, header.olderSchema());
                handle.attach(StanceRepository.class).recountAll();
                handle.attach(HelpfulRepository.class).recountAll();
                SearchBackfill.run(handle);
                if (header.signingSecret() != null) {
                    handle.attach(SettingsRepository.class).put(DataExport.SECRET_SETTING, header.signingSecret());
                }
                return counts;
            });
        } catch (JsonProcessingException e) {
            throw broken(file, e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof JsonProcessingException broken) {
                throw broken(file, broken);
            }
            throw e.getCause();
        }
    }

    private static IllegalArgumentException broken(Path file, JsonProcessingException e) {
        return new IllegalArgumentException(file + " is not a complete JSON export: " + e.getOriginalMessage());
    }

    /** Reads the fields before "tables" and checks them; the parser is left at the tables' opening brace. */
    private Header header(JsonParser parser, Path file) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw notAnExport(file);
        }
        var fields = new HashMap<String, Object>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("tables")) {
                break;
            }
            fields.put(name, json.readValue(parser, Object.class));
        }
        if (!DataExport.FORMAT.equals(fields.get("format")) || !(fields.get("version") instanceof Integer version)
                || !(fields.get("schema") instanceof String schema) || parser.currentToken() != JsonToken.START_OBJECT) {
            throw notAnExport(file);
        }
        if (version < 1 || version > DataExport.VERSION) {
            throw new IllegalArgumentException(file + " is an export of version " + version + "; this Roundtable reads versions 1 to "
                    + DataExport.VERSION + ". Import it with the Roundtable that wrote it, or a newer one.");
        }
        int here = database.schemaVersion();
        if (Integer.parseInt(schema) > here) {
            throw new IllegalArgumentException("The export was made at schema " + schema + ", newer than this database's " + here
                    + ": import it with the Roundtable that wrote it, or a newer one.");
        }
        return new Header(Integer.parseInt(schema) < here, (String) fields.get("signing_secret"));
    }

    private static IllegalArgumentException notAnExport(Path file) {
        return new IllegalArgumentException(file + " is not a Roundtable export");
    }

    private static void refuseUnlessEmpty(Handle handle) {
        if (handle.createQuery("SELECT COUNT(*) FROM comments WHERE author_id IS NOT NULL OR import_key IS NOT NULL")
                .mapTo(Integer.class).one() > 0) {
            throw new IllegalArgumentException("This database already has readers' comments; import into an empty one");
        }
    }

    /** Reads every table; one missing from the file is an error, unless the file is older than the table. */
    private Map<String, Integer> readTables(JsonParser parser, Handle handle, boolean olderSchema) {
        var counts = new LinkedHashMap<String, Integer>();
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String table = parser.currentName();
                List<Column> columns = ExportedTables.TABLES.get(table);
                if (columns == null || counts.containsKey(table)) {
                    throw new IllegalArgumentException("The export has an unknown or repeated table '" + table + "'");
                }
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("The table '" + table + "' is not a list of rows");
                }
                var loader = new TableLoader(handle, table, columns);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    loader.add(json.readValue(parser, Map.class));
                }
                counts.put(table, loader.finish());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var missing = new ArrayList<>(ExportedTables.TABLES.keySet());
        missing.removeAll(counts.keySet());
        if (!missing.isEmpty() && !olderSchema) {
            throw new IllegalArgumentException("The export has no table " + missing);
        }
        return counts;
    }

    /** Inserts one table's rows, a batch at a time, checking each before it goes in. */
    private final class TableLoader {
        private final Handle handle;
        private final String table;
        private final List<Column> known;
        private final Map<String, Integer> lengths;
        private List<Column> present;
        private PreparedBatch batch;
        private int rows;

        TableLoader(Handle handle, String table, List<Column> known) {
            this.handle = handle;
            this.table = table;
            this.known = known;
            this.lengths = declaredLengths(handle, table);
        }

        void add(Map<?, ?> row) {
            rows++;
            if (present == null) {
                prepare(row.keySet());
            } else if (!row.keySet().equals(columnNames(present))) {
                throw rowProblem(row, "has other columns than the rows before it");
            }
            for (Column column : present) {
                Object value;
                try {
                    value = column.kind().fromFile(row.get(column.name()));
                } catch (IllegalArgumentException e) {
                    throw rowProblem(row, column.name() + ": " + e.getMessage());
                }
                Integer limit = lengths.get(column.name());
                if (value instanceof String text && limit != null && text.codePointCount(0, text.length()) > limit) {
                    throw rowProblem(row, column.name() + " is " + text.codePointCount(0, text.length())
                            + " characters long; this database keeps at most " + limit);
                }
                batch.bindByType(column.name(), value, column.kind().javaType);
            }
            batch.add();
            if (batch.size() >= ROWS_PER_BATCH) {
                batch.execute();
            }
        }

        /** Columns this Roundtable knows that the file has: a file from an older schema leaves newer ones at their defaults. */
        private void prepare(Set<?> names) {
            for (Object name : names) {
                if (known.stream().noneMatch(column -> column.name().equals(name))) {
                    throw new IllegalArgumentException("The table '" + table + "' has an unknown column '" + name + "'");
                }
            }
            present = known.stream().filter(column -> names.contains(column.name())).toList();
            List<String> columnNames = present.stream().map(Column::name).toList();
            batch = handle.prepareBatch("INSERT INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ("
                    + String.join(", ", columnNames.stream().map(name -> ":" + name).toList()) + ")");
        }

        int finish() {
            if (batch != null && batch.size() > 0) {
                batch.execute();
            }
            database.afterBulkLoad(handle, table);
            return rows;
        }

        private IllegalArgumentException rowProblem(Map<?, ?> row, String problem) {
            return new IllegalArgumentException("The export's " + table + " row " + rows + " (id " + row.get("id") + ") " + problem
                    + "; nothing was imported");
        }
    }

    private static Set<String> columnNames(List<Column> columns) {
        return Set.copyOf(columns.stream().map(Column::name).toList());
    }

    /** The declared lengths of the table's bounded text columns, from the database's own description. */
    private static Map<String, Integer> declaredLengths(Handle handle, String table) {
        var lengths = new HashMap<String, Integer>();
        try {
            DatabaseMetaData metadata = handle.getConnection().getMetaData();
            try (ResultSet columns = metadata.getColumns(null, null, table, null)) {
                while (columns.next()) {
                    int size = columns.getInt("COLUMN_SIZE");
                    String type = columns.getString("TYPE_NAME");
                    if (size > 0 && size < UNBOUNDED && type != null && type.toUpperCase().contains("CHAR")) {
                        lengths.put(columns.getString("COLUMN_NAME").toLowerCase(), size);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the columns of " + table + ": " + e.getMessage(), e);
        }
        return lengths;
    }
}
