package org.roundtable.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the tests of a class twice, on SQLite and on PostgreSQL, so that one test, word for word, proves a query on
 * both engines; each run's name, and the message of each failure, says its engine. Every test starts on a migrated,
 * empty database (a file of its own on SQLite; on PostgreSQL the run's database, emptied), which it and its
 * {@code @BeforeEach} take as a {@link Database} parameter (both get the same one).
 * <p>
 * Tagged {@value #TAG}: the PostgreSQL run of the other tests (pom.xml) leaves these classes out, having nothing
 * to add to them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(EngineDatabases.class)
@Tag(BothEngines.TAG)
public @interface BothEngines {

    String TAG = "both-engines";
}
