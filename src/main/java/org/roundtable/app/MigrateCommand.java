package org.roundtable.app;

import java.util.concurrent.Callable;
import org.roundtable.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Create or upgrade the database schema, then exit.")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    private RoundtableCommand roundtable;

    @Override
    public Integer call() {
        var config = roundtable.config();
        try (Database database = Database.open(config.databaseUrl(), config.databaseBusyTimeout())) {
            System.out.println(database.isMigrated() ? "The database is up to date." : "Migrations are still pending.");
            return database.isMigrated() ? 0 : RoundtableCommand.FAILED;
        }
    }
}
