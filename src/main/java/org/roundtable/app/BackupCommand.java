package org.roundtable.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roundtable.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the database to FILE, safely while the server runs.")
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    private RoundtableCommand roundtable;

    @Parameters(paramLabel = "FILE", description = "Where to write the copy; must not exist yet.")
    private Path file;

    @Override
    public Integer call() {
        var config = roundtable.config();
        try (Database database = Database.open(config.databaseUrl(), config.databaseBusyTimeout())) {
            database.backupTo(file);
            System.out.println("Backed up to " + file.toAbsolutePath());
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("Cannot back up: " + e.getMessage());
            return RoundtableCommand.FAILED;
        }
    }
}
