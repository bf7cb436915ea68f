package org.roundtable.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.roundtable.accounts.AdminBootstrap;
import org.roundtable.accounts.Passwords;
import org.roundtable.audit.AuditLog;
import org.roundtable.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "create-admin", mixinStandardHelpOptions = true,
        description = "Create an account, reading its password from standard input (one line).")
final class CreateAdminCommand implements Callable<Integer> {

    @ParentCommand
    private RoundtableCommand roundtable;

    @Parameters(paramLabel = "NAME", description = "The account's username.")
    private String name;

    @Option(names = "--moderator", description = "Create a moderator instead of an admin.")
    private boolean moderator;

    @Override
    public Integer call() throws IOException {
        String password = Optional.ofNullable(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                .readLine()).orElse("");
        var config = roundtable.config();
        try (Database database = Database.open(config.databaseUrl(), config.databaseBusyTimeout())) {
            Optional<String> problem = new AdminBootstrap(database.jdbi(), new Passwords(config.bcryptRounds()), new AuditLog(Clock.systemUTC()),
                    Clock.systemUTC()).createAccount(name, password, !moderator);
            if (problem.isPresent()) {
                System.err.println("Cannot create " + name + ": " + problem.get());
                return RoundtableCommand.FAILED;
            }
            System.out.println("Created " + (moderator ? "moderator " : "admin ") + name + ".");
            return 0;
        }
    }
}
