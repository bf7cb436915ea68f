package org.roundtable.db;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * A counter in the database that a change made outside the running server bumps (an import from the command
 * line, which is another process): the server reads it now and then and drops its cached pages when it moved.
 */
public final class ContentVersion {

    interface Counter {
        @SqlUpdate("""
                INSERT INTO settings (name, value) VALUES ('content_version', '1')
                ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(settings.value AS INTEGER) + 1 AS VARCHAR(20))""")
        void bump();

        @SqlQuery("SELECT COALESCE(MAX(CAST(value AS INTEGER)), 0) FROM settings WHERE name = 'content_version'")
        long read();
    }

    private ContentVersion() {}

    public static void bump(Jdbi jdbi) {
        jdbi.useExtension(Counter.class, Counter::bump);
    }

    public static long read(Jdbi jdbi) {
        return jdbi.withExtension(Counter.class, Counter::read);
    }
}
