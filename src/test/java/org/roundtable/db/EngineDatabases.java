package org.roundtable.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.roundtable.TestDatabases;

/** What {@link BothEngines} runs: the class once per engine, each test on an empty, migrated database of that engine. */
final class EngineDatabases implements ClassTemplateInvocationContextProvider {

    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EngineDatabases.class);

    enum Engine {
        /** A file of the test's own, copied from one migrated once per JVM (see TestDatabases). */
        SQLITE("SQLite") {
            @Override
            Database databaseFor(ExtensionContext test) {
                return test.getStore(NAMESPACE).getOrComputeIfAbsent(DatabaseFile.class, key -> {
                    Path folder = newFolder();
                    Path file = TestDatabases.freshSqlite(folder.resolve("roundtable.db"));
                    return new DatabaseFile(Database.open("jdbc:sqlite:" + file, BUSY_TIMEOUT), folder);
                }, DatabaseFile.class).database();
            }
        },

        /**
         * A new database for each run of a class (see TestDatabases), emptied before each test after the first:
         * creating one took the tests' PostgreSQL 14 most of a second (it checkpoints twice), emptying one a sixth.
         */
        POSTGRESQL("PostgreSQL") {
            @Override
            Database databaseFor(ExtensionContext test) {
                ExtensionContext run = test.getParent().orElseThrow();
                return test.getStore(NAMESPACE).getOrComputeIfAbsent(TestOnSharedDatabase.class, key -> {
                    SharedDatabase shared = run.getStore(NAMESPACE).get(SharedDatabase.class, SharedDatabase.class);
                    if (shared == null) {
                        shared = new SharedDatabase(Database.open(TestDatabases.freshPostgresql(), BUSY_TIMEOUT));
                        run.getStore(NAMESPACE).put(SharedDatabase.class, shared);
                    } else {
                        shared.empty();
                    }
                    return new TestOnSharedDatabase(shared.database());
                }, TestOnSharedDatabase.class).database();
            }
        };

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        /** The test's database: the same for the test and its {@code @BeforeEach}, empty when the first of them asks. */
        abstract Database databaseFor(ExtensionContext test);
    }

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<OnEngine> provideClassTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(Engine.values()).map(OnEngine::new);
    }

    /** One run of the class: named after its engine, handing each of its tests a database there. */
    private record OnEngine(Engine engine) implements ClassTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "on " + engine.label;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new DatabaseParameter(engine), new EngineInFailures(engine));
        }
    }

    private record DatabaseParameter(Engine engine) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Database.class;
        }

        @Override
        public Database resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return engine.databaseFor(context);
        }
    }

    /**
     * Names the engine in the message of a failure: Surefire's report numbers the runs of a class ([1], [2]) instead
     * of naming them.
     */
    private record EngineInFailures(Engine engine)
            implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            throw named(failure);
        }

        @Override
        public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            throw named(failure);
        }

        private Throwable named(Throwable failure) {
            String message = "On " + engine.label + ": " + failure.getMessage();
            Throwable named;
            if (failure instanceof AssertionFailedError assertion && assertion.isExpectedDefined() && assertion.isActualDefined()) {
                named = new AssertionFailedError(message, assertion.getExpected(), assertion.getActual(), failure);
            } else if (failure instanceof AssertionError) {
                named = new AssertionError(message, failure);
            } else {
                named = new IllegalStateException(message, failure);
            }
            named.setStackTrace(failure.getStackTrace());
            return named;
        }
    }

    /** A test's SQLite database, removed with its folder when the test is over. */
    private record DatabaseFile(Database database, Path folder) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            database.close();
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The PostgreSQL database of one run of a class, closed when the run is over. */
    private record SharedDatabase(Database database) implements AutoCloseable {
        /** Every table but Flyway's history, emptied, its ids starting again from 1, as in a new database. */
        void empty() {
            database.jdbi().useHandle(handle -> {
                List<String> tables = handle.createQuery("""
                                SELECT tablename FROM pg_tables
                                 WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'""")
                        .mapTo(String.class).list();
                handle.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            });
        }

        @Override
        public void close() {
            database.close();
        }
    }

    /** The shared database as one test has it: not closed after the test, unlike a {@link DatabaseFile}. */
    private record TestOnSharedDatabase(Database database) {}

    private static Path newFolder() {
        try {
            return Files.createTempDirectory("roundtable-sqlite");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
