package org.roundtable.siteadmin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.accounts.AdminGate;
import org.roundtable.accounts.AdminSession;
import org.roundtable.audit.AuditLog;
import org.roundtable.db.BackupsElsewhere;
import org.roundtable.db.Database;
import org.roundtable.web.ReaderFacingError;

/** {@code /admin/backup}: a consistent copy of the live database, downloaded from the browser. */
public final class BackupController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Database database;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public BackupController(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.audit = audit;
        this.clock = clock;
    }

    /** Only admins: a backup holds everything, including address hashes and the audit log. */
    public void download(Context ctx) throws IOException {
        AdminSession me = AdminGate.session(ctx);
        if (!me.isAdmin()) {
            throw new ReaderFacingError(HttpStatus.FORBIDDEN, "Only admins can download backups.");
        }
        Path folder = Files.createTempDirectory("roundtable-backup");
        Database.Backup backup = null;
        try {
            backup = database.backupInto(folder, "roundtable-" + STAMP.format(clock.instant()));
            String name = backup.file().getFileName().toString();
            jdbi.useTransaction(handle -> audit.record(handle, me.actor(), "database.backup", "database", null, null, name));
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .contentType(backup.mediaType())
                    .result(Files.readAllBytes(backup.file()));
        } catch (BackupsElsewhere e) {
            throw new ReaderFacingError(HttpStatus.CONFLICT, e.getMessage());
        } finally {
            if (backup != null) {
                Files.deleteIfExists(backup.file());
            }
            Files.deleteIfExists(folder);
        }
    }
}
