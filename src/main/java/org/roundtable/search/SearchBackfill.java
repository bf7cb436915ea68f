package org.roundtable.search;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.comment.SearchWords;
import org.roundtable.db.SettingsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills in the search column of comments that have words but no search words: those written before search
 * existed (after the migration that added it) and those an import brought, since an export carries only what
 * can not be worked out again. When the stored words were made by another version of SearchWords (the
 * {@value #VERSION_SETTING} setting), every comment's words are made again, so that what readers type is found
 * in old comments too. A thousand comments at a time, in id order.
 */
public final class SearchBackfill {

    /** Which version of SearchWords made the stored words; absent before versions were recorded. */
    static final String VERSION_SETTING = "search_words_version";

    private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);
    private static final int BATCH = 1_000;
    private static final Pick UNINDEXED = (search, after) -> search.unindexed(after, BATCH);
    private static final Pick EVERY = (search, after) -> search.all(after, BATCH);

    /** Which comments a batch makes the words of: the next ones after an id. */
    private interface Pick extends BiFunction<SearchRepository, Long, List<SearchRepository.Written>> {}

    private SearchBackfill() {}

    /** Indexes every unindexed comment within {@code handle}'s transaction (an import's); returns how many. */
    public static int run(Handle handle) {
        return indexAll(after -> indexBatch(handle, after, UNINDEXED));
    }

    /** The same on a running site ({@link #refresh}), in the background; readers may search meanwhile. */
    public static void inBackground(Jdbi jdbi) {
        var thread = new Thread(() -> {
            try {
                refresh(jdbi);
            } catch (RuntimeException e) {
                log.warn("Could not make every comment findable by search; the next start tries again", e);
            }
        }, "roundtable-search-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Indexes every unindexed comment, a batch per transaction; every comment is read again when the words'
     * version changed (only those whose words differ are written), and the version recorded after.
     */
    static void refresh(Jdbi jdbi) {
        var settings = jdbi.onDemand(SettingsRepository.class);
        boolean current = settings.find(VERSION_SETTING).filter(SearchWords.VERSION::equals).isPresent();
        Pick which = current ? UNINDEXED : EVERY;
        int indexed = indexAll(after -> jdbi.inTransaction(handle -> indexBatch(handle, after, which)));
        if (!current) {
            settings.put(VERSION_SETTING, SearchWords.VERSION);
            log.info("Read the words of {} comments again for search (words version {})", indexed, SearchWords.VERSION);
        } else if (indexed > 0) {
            log.info("Made {} comments findable by search", indexed);
        }
    }

    private static int indexAll(LongFunction<List<SearchRepository.Written>> batchAfter) {
        int indexed = 0;
        long after = 0;
        for (var batch = batchAfter.apply(after); !batch.isEmpty(); batch = batchAfter.apply(after)) {
            indexed += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
        return indexed;
    }

    /** Makes the words of the next comments {@code which} picks after id {@code after}; returns them. */
    private static List<SearchRepository.Written> indexBatch(Handle handle, long after, Pick which) {
        var search = handle.attach(SearchRepository.class);
        var comments = which.apply(search, after);
        if (!comments.isEmpty()) {
            search.index(comments.stream().map(SearchRepository.Written::id).toList(),
                    comments.stream().map(SearchRepository.Written::body).toList(),
                    comments.stream().map(comment -> SearchWords.of(comment.body())).toList());
        }
        return comments;
    }
}
