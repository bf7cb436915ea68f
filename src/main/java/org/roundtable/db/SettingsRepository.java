package org.roundtable.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Values the server generates once and keeps, such as its signing secret. */
public interface SettingsRepository {

    @SqlQuery("SELECT value FROM settings WHERE name = :name")
    Optional<String> find(String name);

    /**
     * "Insert unless present" in one statement both engines accept, so two instances starting at once agree on one
     * value: under PostgreSQL's READ COMMITTED a "where not exists" lets both in, and the second fails.
     */
    @SqlUpdate("INSERT INTO settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
    void insertIfAbsent(String name, String value);

    @SqlUpdate("INSERT INTO settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO UPDATE SET value = :value")
    void put(String name, String value);

    @SqlUpdate("DELETE FROM settings WHERE name = :name")
    void delete(String name);
}
