package org.roundtable.portability;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.roundtable.db.Database;
import org.roundtable.db.SettingsRepository;
import org.roundtable.portability.ExportedTables.Column;

/**
 * Everything Roundtable keeps, as one JSON object: {@code {"format": "roundtable-export", "version": 2,
 * "schema": "<migration version>", "signing_secret": "…", "tables": {"<table>": [{column: value, …}, …], …}}},
 * the tables in the order they must be read back (see {@link ExportedTables} for what each value looks like).
 * Rows are streamed from one snapshot of the database to the file, so a million comments never sit in memory
 * and a site keeps serving while it is exported. The file holds password hashes and the signing secret (which
 * keyed the address hashes in it): it is as private as the database.
 */
public final class DataExport {

    static final String FORMAT = "roundtable-export";
    static final int VERSION = 2;
    /** The setting that holds the generated signing secret (see {@code ServerSecret}). */
    static final String SECRET_SETTING = "secret_key";
    private static final int ROWS_PER_FETCH = 1_000;

    private final Database database;

    public DataExport(Database database) {
        this.database = database;
    }

    /** Writes the export to {@code file}, which must not exist; a file is only there once it is complete. */
    public void exportTo(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " already exists; choose a new file name");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (JsonGenerator json = new JsonFactory().createGenerator(partial.toFile(), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            int schema = database.schemaVersion();
            database.inSnapshot(handle -> {
                write(json, handle, schema);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(JsonGenerator json, Handle handle, int schema) {
        try {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeStringField("schema", String.valueOf(schema));
            String secret = handle.attach(SettingsRepository.class).find(SECRET_SETTING).orElse(null);
            json.writeStringField("signing_secret", secret);
            json.writeObjectFieldStart("tables");
            for (var table : ExportedTables.TABLES.entrySet()) {
                json.writeArrayFieldStart(table.getKey());
                writeRows(json, handle, table.getKey(), table.getValue());
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRows(JsonGenerator json, Handle handle, String table, List<Column> columns) {
        // By the first two columns: the id, or for the marks the comment and the reader.
        String select = "SELECT " + String.join(", ", columns.stream().map(Column::name).toList()) + " FROM " + table + " ORDER BY 1, 2";
        handle.createQuery(select)
                .setFetchSize(ROWS_PER_FETCH)
                .map((row, context) -> {
                    var values = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        values.add(columns.get(i).kind().read(row, i + 1, context));
                    }
                    return values;
                })
                .useStream(rows -> rows.forEach(values -> writeRow(json, columns, values)));
    }

    private static void writeRow(JsonGenerator json, List<Column> columns, List<Object> values) {
        try {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeFieldName(columns.get(i).name());
                json.writeObject(values.get(i));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
