package org.roundtable.search;

import java.util.List;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.discussion.SearchWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills in the search column of comments that have words but no search words: those written before search
 * existed (after the migration that added it) and those an import brought, since an export carries only what
 * can not be worked out again. A thousand comments at a time, in id order.
 */
public final class SearchBackfill {

    private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);
    private static final int BATCH = 1_000;

    private SearchBackfill() {}

    /** Indexes every unindexed comment within {@code handle}'s transaction (an import's); returns how many. */
    public static int run(Handle handle) {
        return indexAll(after -> indexBatch(handle, after));
    }

    /** The same on a running site, a batch per transaction, in the background; readers may search meanwhile. */
    public static void inBackground(Jdbi jdbi) {
        var thread = new Thread(() -> {
            try {
                int indexed = indexAll(after -> jdbi.inTransaction(handle -> indexBatch(handle, after)));
                if (indexed > 0) {
                    log.info("Made {} comments findable by search", indexed);
                }
            } catch (RuntimeException e) {
                log.warn("Could not make every comment findable by search; the next start tries again", e);
            }
        }, "roundtable-search-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    private static int indexAll(LongFunction<List<SearchRepository.Unindexed>> batchAfter) {
        int indexed = 0;
        long after = 0;
        for (var batch = batchAfter.apply(after); !batch.isEmpty(); batch = batchAfter.apply(after)) {
            indexed += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
        return indexed;
    }

    /** Indexes the next unindexed comments after id {@code after}; returns them. */
    private static List<SearchRepository.Unindexed> indexBatch(Handle handle, long after) {
        var search = handle.attach(SearchRepository.class);
        var comments = search.unindexed(after, BATCH);
        if (!comments.isEmpty()) {
            search.index(comments.stream().map(SearchRepository.Unindexed::id).toList(),
                    comments.stream().map(comment -> SearchWords.of(comment.body())).toList());
        }
        return comments;
    }
}
