package org.roundtable.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.roundtable.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Migrate the database, import the articles and serve until stopped (the default).")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private RoundtableCommand roundtable;

    @Override
    public Integer call() {
        return serve(roundtable.config());
    }

    /** Serves until the process is stopped; on SIGTERM, finishes requests, the writer's queue and the database. */
    static int serve(Config config) {
        Database database = Database.open(config.databaseUrl(), config.databaseBusyTimeout());
        App.importArticles(config, database, Clock.systemUTC());
        var app = App.createWarm(config, database).start(config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            database.close();
        }, "roundtable-shutdown"));
        return 0;
    }
}
