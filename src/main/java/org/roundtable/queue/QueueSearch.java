package org.roundtable.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.roundtable.comment.SearchWords;
import org.roundtable.comment.ThreadCursor;
import org.roundtable.db.Database;
import org.roundtable.db.FullText;
import org.roundtable.db.TooSlow;
import org.roundtable.search.SearchController;
import org.roundtable.security.AddressGate;
import org.roundtable.security.AddressKey;

/**
 * Finds a page of the queue a {@link QueueView} asks for, newest first, in every status the view's filter takes.
 * Words are found as reader search finds them (SearchWords and the engine's index, {@code db.FullText}), with the same
 * limits: so many characters and words, one address's searches at once (the readers' gate, which a moderator's
 * searches share), and a time limit. Pages are found by keyset, so the last page costs what the first does.
 */
public final class QueueSearch {

    static final int PAGE_SIZE = 25;

    private final Database database;
    private final AddressGate perAddress;
    private final int pageSize;

    /** {@code perAddress}: the searches one address may have under way at once (SEARCH_MAX_PER_ADDRESS). */
    public QueueSearch(Database database, AddressGate perAddress) {
        this(database, perAddress, PAGE_SIZE);
    }

    /** With pages of {@code pageSize}, so that tests page through a few comments. */
    QueueSearch(Database database, AddressGate perAddress, int pageSize) {
        this.database = database;
        this.perAddress = perAddress;
        this.pageSize = pageSize;
    }

    /**
     * A page of the queue, or why there is none: {@code status} is 200, or 422 for words it cannot search, 429 when the
     * address has too many searches under way, 503 when the search took too long.
     */
    /**
     * A page of the queue. {@code inEveryStatus}: when a search found nothing in the status the view is in, how
     * many comments it finds in every status (the queue opens on Held, and a moderator looking for a comment rarely
     * knows its status); null otherwise.
     */
    public record Page(List<QueueItem> items, int total, ThreadCursor newer, ThreadCursor older, String problem, int status,
                       Integer inEveryStatus) {

        static Page refused(String problem, int status) {
            return new Page(List.of(), 0, null, null, problem, status, null);
        }
    }

    public Page page(QueueView view, String address) {
        List<String> words = List.copyOf(new LinkedHashSet<>(SearchWords.words(view.words())));
        String problem = view.words().length() > SearchController.LONGEST_QUERY
                ? "Please search for at most " + SearchController.LONGEST_QUERY + " characters."
                : !view.words().isEmpty() && words.isEmpty() ? "Search for words: there are no letters or digits in what you typed."
                : words.size() > SearchController.MOST_WORDS ? "Please search for at most " + SearchController.MOST_WORDS + " words."
                : null;
        if (problem != null) {
            return Page.refused(problem, 422);
        }
        if (words.isEmpty()) {
            return read(view, words);
        }
        Optional<AddressGate.Permit> turn = perAddress.enter(AddressKey.of(address));
        if (turn.isEmpty()) {
            return Page.refused("Searches you started are still running. Please wait a moment, then search again.", 429);
        }
        try (AddressGate.Permit searching = turn.get()) {
            return read(view, words);
        }
    }

    /** How long a refused moderator is told to wait before searching again. */
    public Duration retryAfter() {
        return perAddress.retryAfter();
    }

    private Page read(QueueView view, List<String> words) {
        FullText fullText = database.fullText();
        String from = words.isEmpty() ? "comments c" : fullText.fromSql();
        String conditions = String.join(" AND ", conditions(view, words.isEmpty() ? null : fullText.matchSql()));
        String searchTerms = words.isEmpty() ? null : fullText.terms().apply(words);
        boolean backwards = view.before() != null;
        ThreadCursor cursor = backwards ? view.before() : view.after();
        String seek = cursor == null ? "" : backwards ? " AND (c.created_at, c.id) > (:time, :id)" : " AND (c.created_at, c.id) < (:time, :id)";
        String order = backwards ? "c.created_at, c.id" : "c.created_at DESC, c.id DESC";
        Instant time = cursor == null ? null : cursor.time();
        long id = cursor == null ? 0 : cursor.id();
        try {
            return database.withinTime(SearchController.TIME_LIMIT, handle -> {
                var queue = handle.attach(QueueRepository.class);
                List<QueueItem> found = new ArrayList<>(queue.page(from, conditions + seek, order, searchTerms, view.discussionId(),
                        view.authorName(), view.authorId(), view.commentId(), time, id, pageSize + 1));
                boolean more = found.size() > pageSize;
                List<QueueItem> shown = new ArrayList<>(found.subList(0, Math.min(found.size(), pageSize)));
                if (backwards) {
                    Collections.reverse(shown);
                }
                int total = queue.count(from, conditions, searchTerms, view.discussionId(), view.authorName(), view.authorId(),
                        view.commentId());
                Integer inEveryStatus = total > 0 || !view.narrowed() || view.filter() == QueueFilter.ALL ? null
                        : queue.count(from, String.join(" AND ", conditions(view.withStatus(QueueFilter.ALL), words.isEmpty() ? null
                                : fullText.matchSql())), searchTerms, view.discussionId(), view.authorName(), view.authorId(),
                                view.commentId());
                // Reached by a cursor, the page has comments on its other side: those it was reached from.
                boolean newer = backwards ? more : cursor != null;
                boolean older = backwards || more;
                return new Page(shown, total, newer && !shown.isEmpty() ? cursorOf(shown.get(0)) : null,
                        older && !shown.isEmpty() ? cursorOf(shown.get(shown.size() - 1)) : null, null, 200,
                        inEveryStatus == null || inEveryStatus == 0 ? null : inEveryStatus);
            });
        } catch (TooSlow e) {
            return Page.refused("That search took too long. Please add a word that fewer comments share, or a filter.", 503);
        }
    }

    /** The fixed SQL for what the view narrows to; what the moderator typed is only ever bound. */
    private static List<String> conditions(QueueView view, String matchSql) {
        List<String> conditions = new ArrayList<>(List.of(view.filter().condition()));
        if (matchSql != null) {
            conditions.add(matchSql);
        }
        if (view.discussionId() != null) {
            conditions.add("c.discussion_id = :discussionId");
        }
        if (view.authorName() != null) {
            conditions.add("LOWER(c.author_name) = LOWER(:authorName)");
        }
        if (view.authorId() != null) {
            conditions.add("c.author_id = :authorId");
        }
        if (view.commentId() != null) {
            conditions.add("c.id = :commentId");
        }
        return conditions;
    }

    private static ThreadCursor cursorOf(QueueItem item) {
        return new ThreadCursor(0, item.createdAt(), item.id());
    }
}
