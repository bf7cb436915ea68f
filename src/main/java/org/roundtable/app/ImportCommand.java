package org.roundtable.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roundtable.db.Database;
import org.roundtable.portability.DataImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a JSON export into a database that has no comments yet; all or nothing.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    private RoundtableCommand roundtable;

    @Parameters(paramLabel = "FILE", description = "A file written by the export command.")
    private Path file;

    @Override
    public Integer call() {
        var config = roundtable.config();
        try (Database database = Database.open(config.databaseUrl(), config.databaseBusyTimeout())) {
            new DataImport(database).importFrom(file);
            System.out.println("Imported " + file.toAbsolutePath());
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("Nothing was imported: " + e.getMessage());
            return RoundtableCommand.FAILED;
        }
    }
}
