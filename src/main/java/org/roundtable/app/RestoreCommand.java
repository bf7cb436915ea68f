package org.roundtable.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roundtable.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the database with the backup in FILE. Stop the server first.")
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    private RoundtableCommand roundtable;

    @Parameters(paramLabel = "FILE", description = "A file written by the backup command.")
    private Path file;

    @Override
    public Integer call() {
        try {
            Database.restore(file, roundtable.config().databaseUrl());
            System.out.println("Restored from " + file.toAbsolutePath());
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("Cannot restore: " + e.getMessage());
            return RoundtableCommand.FAILED;
        }
    }
}
