package org.roundtable.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Values the server generates once and keeps, such as its signing secret. */
public interface SettingsRepository {

    @SqlQuery("SELECT value FROM settings WHERE name = :name")
    Optional<String> find(String name);

    /** Portable "insert unless present", so two instances starting at once agree on one value. */
    @SqlUpdate("""
            INSERT INTO settings (name, value)
            SELECT :name, :value WHERE NOT EXISTS (SELECT 1 FROM settings WHERE name = :name)""")
    void insertIfAbsent(String name, String value);

    @SqlUpdate("DELETE FROM settings WHERE name = :name")
    void delete(String name);
}
