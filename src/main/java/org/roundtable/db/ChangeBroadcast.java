package org.roundtable.db;

import java.util.function.Consumer;

/**
 * Tells the other instances running on this database what changed here (the scope of the pages that went stale:
 * an article's slug), and hears what they changed. Where only one server runs on the database there is nobody to
 * tell, and nothing to hear: another process (an import from the command line) moves the content version instead.
 */
public interface ChangeBroadcast extends AutoCloseable {

    /** For an engine that one server process has to itself. */
    ChangeBroadcast NOBODY_ELSE = new ChangeBroadcast() {
        @Override
        public void announce(String scope) {}

        @Override
        public void listen(Consumer<String> changed, Runnable missedSome) {}

        @Override
        public void close() {}
    };

    /** Tells the other instances, soon and without making the caller wait, that {@code scope} changed. */
    void announce(String scope);

    /**
     * From now on, hands each scope another instance announces to {@code changed}; when announcements may have
     * been missed (the database was out of reach for a while), runs {@code missedSome}.
     */
    void listen(Consumer<String> changed, Runnable missedSome);

    @Override
    void close();
}
