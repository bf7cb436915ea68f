package org.roundtable.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread writes comments in batches. Whatever queued up while the last batch was being
 * committed goes into the next transaction, each unit in a savepoint of its own, so a batch costs one
 * fsync however many comments it holds, and a unit that fails is undone alone. {@link #write} returns only
 * after the batch is committed, so an answer sent after it means the data is on disk.
 */
public final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private record Unit<T>(Function<Session, T> work, CompletableFuture<T> done) {}

    /** What a unit of work writes through: the writer's handle, and the repositories attached to it. */
    public static final class Session {
        private final Handle handle;
        private final Map<Class<?>, Object> attached;

        Session(Handle handle, Map<Class<?>, Object> attached) {
            this.handle = handle;
            this.attached = attached;
        }

        public <T> T attach(Class<T> repository) {
            return repository.cast(attached.computeIfAbsent(repository, handle::attach));
        }

        public Handle handle() {
            return handle;
        }
    }

    private final Jdbi jdbi;
    private final int maxBatch;
    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /**
     * The writer's own connection, kept between batches so it never waits behind readers for one; reopened after
     * a failure. Used by the writer's thread only, like {@link #attached}.
     */
    private Handle handle;
    /** Repositories attached to {@link #handle} once: attaching a jdbi SqlObject costs more than the inserts it makes. */
    private final Map<Class<?>, Object> attached = new HashMap<>();

    public GroupCommitWriter(Database database) {
        this.jdbi = database.jdbi();
        this.maxBatch = database.writesPerTransaction();
        this.thread = new Thread(this::run, "roundtable-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Runs {@code work} in the next batch and waits until it is committed; rethrows what it threw. */
    public <T> T write(Function<Session, T> work) {
        var unit = new Unit<>(work, new CompletableFuture<T>());
        if (!running) {
            throw new IllegalStateException("The writer has stopped");
        }
        queue.add(unit);
        try {
            return unit.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                List<Unit<?>> batch = new ArrayList<>();
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                running = false;
            }
        }
        closeHandle();
    }

    private void commit(List<Unit<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        try {
            Handle handle = openHandle();
            handle.begin();
            var session = new Session(handle, attached);
            for (Unit<?> unit : batch) {
                completions.add(runInSavepoint(handle, session, unit));
            }
            handle.commit();
            completions.forEach(Runnable::run);
        } catch (RuntimeException e) {
            log.warn("A batch of {} writes failed to commit: {}", batch.size(), e.getMessage());
            closeHandle();
            batch.forEach(unit -> unit.done().completeExceptionally(e));
        }
    }

    private Handle openHandle() {
        if (handle == null) {
            handle = jdbi.open();
            attached.clear();
        }
        return handle;
    }

    /** Undoes what a failed batch left open and gives the connection back; the next batch opens a new one. */
    private void closeHandle() {
        if (handle == null) {
            return;
        }
        try (Handle closing = handle) {
            handle = null;
            if (closing.isInTransaction()) {
                closing.rollback();
            }
        } catch (RuntimeException e) {
            // A begin that failed (the database locked) leaves jdbi believing in a transaction SQLite never opened.
            log.debug("The writer's connection did not close cleanly: {}", e.getMessage());
        }
    }

    /** Runs one unit; returns how to tell its caller, which happens only once the whole batch is committed. */
    private static <T> Runnable runInSavepoint(Handle handle, Session session, Unit<T> unit) {
        handle.savepoint("unit");
        try {
            T result = unit.work().apply(session);
            handle.releaseSavepoint("unit");
            return () -> unit.done().complete(result);
        } catch (RuntimeException e) {
            // Rolling back forgets the savepoint in jdbi; SQLite keeps it open until the commit, harmlessly:
            // the next unit's savepoint of the same name nests inside it and is the one released.
            handle.rollbackToSavepoint("unit");
            return () -> unit.done().completeExceptionally(e);
        }
    }

    /** How many writes are waiting for the next batch. */
    public int queued() {
        return queue.size();
    }

    /** Finishes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
