package org.roundtable.app;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The jar's command line: {@code serve} by default, and the operator's tools beside it. */
@Command(name = "roundtable", mixinStandardHelpOptions = true, version = "Roundtable",
        description = "A discussion forum, proposal by proposal. Commands act on the database named by DATABASE_URL.",
        subcommands = {ServeCommand.class, MigrateCommand.class, BackupCommand.class, RestoreCommand.class,
                ExportCommand.class, ImportCommand.class, ImportArticleCommand.class, ImportWxrCommand.class,
                CreateAdminCommand.class})
public final class RoundtableCommand implements Callable<Integer> {

    /** Exit code for a command that could not do its job, for a reason it has explained. */
    static final int FAILED = 3;

    private final Map<String, String> env;

    RoundtableCommand(Map<String, String> env) {
        this.env = env;
    }

    Config config() {
        return Config.fromMap(env);
    }

    /** Without a command, serve. */
    @Override
    public Integer call() {
        return ServeCommand.serve(config());
    }

    /** Runs the command line with {@code env} as the environment; returns the exit code. */
    public static int run(Map<String, String> env, String... args) {
        return new CommandLine(new RoundtableCommand(env)).execute(args);
    }
}
