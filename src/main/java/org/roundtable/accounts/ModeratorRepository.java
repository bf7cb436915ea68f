package org.roundtable.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Moderator.class)
public interface ModeratorRepository {

    String ACTIVE = "SELECT id, username, role, created_at FROM moderators WHERE removed_at IS NULL";

    @SqlQuery(ACTIVE + " ORDER BY username")
    List<Moderator> all();

    @SqlQuery(ACTIVE + " AND id = :id")
    Optional<Moderator> find(long id);

    @SqlQuery(ACTIVE + " AND username = :username")
    Optional<Moderator> findByUsername(String username);

    /** Removed accounts keep their name, so nobody can later act under it. */
    @SqlQuery("SELECT COUNT(*) > 0 FROM moderators WHERE username = :username")
    boolean usernameTaken(String username);

    @SqlQuery("SELECT password_hash FROM moderators WHERE removed_at IS NULL AND username = :username")
    Optional<String> passwordHash(String username);

    @SqlQuery("SELECT COUNT(*) FROM moderators WHERE removed_at IS NULL")
    int count();

    @SqlQuery("SELECT COUNT(*) FROM moderators WHERE removed_at IS NULL AND role = 'admin'")
    int adminCount();

    @SqlQuery("""
            INSERT INTO moderators (username, password_hash, role, created_at)
            VALUES (:username, :passwordHash, :role, :createdAt) RETURNING id""")
    long insert(String username, String passwordHash, String role, Instant createdAt);

    /** The same, unless the name is taken (by an instance starting at the same moment); empty then. */
    @SqlQuery("""
            INSERT INTO moderators (username, password_hash, role, created_at)
            VALUES (:username, :passwordHash, :role, :createdAt)
            ON CONFLICT (username) DO NOTHING RETURNING id""")
    Optional<Long> insertIfAbsent(String username, String passwordHash, String role, Instant createdAt);

    @SqlUpdate("UPDATE moderators SET password_hash = :passwordHash WHERE id = :id")
    void setPasswordHash(long id, String passwordHash);

    @SqlUpdate("DELETE FROM moderator_sessions WHERE moderator_id = :id")
    void endSessions(long id);

    @SqlUpdate("DELETE FROM moderator_sessions WHERE moderator_id = :id AND id_hash <> :keptIdHash")
    void endSessionsBut(long id, String keptIdHash);

    @SqlUpdate("UPDATE moderators SET removed_at = :now WHERE id = :id")
    void remove(long id, Instant now);
}
