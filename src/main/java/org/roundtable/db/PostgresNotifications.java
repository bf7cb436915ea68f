package org.roundtable.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances on one PostgreSQL database tell each other what changed with {@code NOTIFY}, and hear it with
 * {@code LISTEN}, on one connection of their own outside the pool (a pooled connection would be handed to
 * requests, and would not hear). Announcements are gathered and sent by the listening thread every
 * {@link #WAIT_MILLIS} ms, so a request never waits for them and a burst of posts to one article sends one
 * notification. After the connection is lost and made again, everything is taken as changed: notifications
 * sent meanwhile were lost.
 */
final class PostgresNotifications implements ChangeBroadcast {

    static final String CHANNEL = "roundtable_pages";
    private static final long WAIT_MILLIS = 100;
    private static final long RECONNECT_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private Thread thread;

    PostgresNotifications(Connector connector) {
        this.connector = connector;
    }

    @Override
    public void announce(String scope) {
        pending.add(scope);
    }

    @Override
    public synchronized void listen(Consumer<String> changed, Runnable missedSome) {
        if (thread != null) {
            throw new IllegalStateException("Already listening");
        }
        thread = new Thread(() -> run(changed, missedSome), "roundtable-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Consumer<String> changed, Runnable missedSome) {
        boolean heardBefore = false;
        while (running) {
            try (Connection connection = connector.connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                if (heardBefore) {
                    missedSome.run();
                    log.info("Hearing other instances' changes again; every cached page was dropped");
                }
                heardBefore = true;
                exchange(connection, changed);
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the connection that hears other instances' changes ({}); trying again", e.getMessage());
                    pause();
                }
            }
        }
    }

    /** Sends what was announced here and hands on what others announced, until the connection fails or we stop. */
    private void exchange(Connection connection, Consumer<String> changed) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        int ownProcess = postgres.getBackendPID();
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            while (running) {
                for (String scope : List.copyOf(pending)) {
                    notify.setString(1, CHANNEL);
                    notify.setString(2, scope);
                    notify.execute();
                    pending.remove(scope);
                }
                PGNotification[] heard = postgres.getNotifications((int) WAIT_MILLIS);
                if (heard == null) {
                    continue;
                }
                for (PGNotification notification : heard) {
                    if (notification.getPID() != ownProcess) {
                        changed.accept(notification.getParameter());
                    }
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
