package org.roundtable;

import java.time.Clock;
import org.roundtable.db.Database;

/** Reads the environment, prepares the database and serves Roundtable until the process is stopped. */
public final class Main {

    public static void main(String[] args) {
        Config config = Config.fromEnv();
        Database database = Database.open(config.databaseUrl(), config.databaseBusyTimeout());
        App.importArticles(config, database, Clock.systemUTC());
        var app = App.create(config, database).start(config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            database.close();
        }, "roundtable-shutdown"));
    }

    private Main() {}
}
