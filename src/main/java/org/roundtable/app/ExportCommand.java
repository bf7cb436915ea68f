package org.roundtable.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roundtable.db.Database;
import org.roundtable.portability.DataExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write all articles, discussions, comments and moderation state to FILE as JSON.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    private RoundtableCommand roundtable;

    @Parameters(paramLabel = "FILE", description = "Where to write the JSON; must not exist yet.")
    private Path file;

    @Override
    public Integer call() {
        var config = roundtable.config();
        try (Database database = Database.open(config.databaseUrl(), config.databaseBusyTimeout())) {
            new DataExport(database).exportTo(file);
            System.out.println("Exported to " + file.toAbsolutePath());
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("Cannot export: " + e.getMessage());
            return RoundtableCommand.FAILED;
        }
    }
}
