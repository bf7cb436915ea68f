package org.roundtable.queue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.roundtable.comment.Ids;
import org.roundtable.comment.Sort;
import org.roundtable.comment.ThreadCursor;

/**
 * What a moderator asked the queue for: a status view, the words searched for, a discussion, an author (by the name
 * typed, or by the browser identity a row's "this author's other comments" names), one comment, all combinable; and
 * which page, as a keyset cursor past the newest ({@code after}) or the oldest ({@code before}) comment of the page
 * the moderator came from. Its {@link #path()} is the one address of the view, which every return to the queue keeps.
 */
public record QueueView(QueueFilter filter, String words, Long discussionId, String authorName, Long authorId,
                        Long commentId, ThreadCursor after, ThreadCursor before) {

    /** The view a request's query parameters name; anything unreadable is left out, never refused. */
    public static QueueView from(UnaryOperator<String> parameter) {
        return new QueueView(QueueFilter.fromValue(parameter.apply("filter")),
                Optional.ofNullable(parameter.apply("q")).map(String::strip).orElse(""),
                Ids.parse(parameter.apply("discussion")).orElse(null),
                Optional.ofNullable(parameter.apply("author")).map(String::strip).filter(name -> !name.isEmpty()).orElse(null),
                Ids.parse(parameter.apply("author_id")).orElse(null),
                Ids.parse(parameter.apply("comment")).orElse(null),
                ThreadCursor.parse(parameter.apply("after")).orElse(null),
                ThreadCursor.parse(parameter.apply("before")).orElse(null));
    }

    /**
     * The view an address names, when it is one of the queue's ({@code /admin/queue} and its parameters), made again
     * from what it could read of them, so that a return address can only ever lead back to the queue.
     */
    public static Optional<QueueView> fromPath(String path) {
        if (path == null || !(path.equals("/admin/queue") || path.startsWith("/admin/queue?"))) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = path.substring("/admin/queue".length()).replaceFirst("^\\?", "");
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return Optional.of(from(parameters::get));
    }

    /** Whether anything narrows the view beyond its status. */
    public boolean narrowed() {
        return !words.isEmpty() || discussionId != null || authorName != null || authorId != null || commentId != null;
    }

    /** This page's address, cursor and all: where an action on one of its comments returns. */
    public String path() {
        var parameters = parameters();
        if (after != null) {
            parameters.put("after", after.value(Sort.NEWEST));
        }
        if (before != null) {
            parameters.put("before", before.value(Sort.NEWEST));
        }
        return path(parameters);
    }

    /** {@link #path()} as the value of a {@code back} parameter in a link to a form about one of its comments. */
    public String pathAsParameter() {
        return URLEncoder.encode(path(), StandardCharsets.UTF_8);
    }

    /** The first page of the same search and filters. */
    public String firstPage() {
        return path(parameters());
    }

    /** The page of the same search and filters that starts past {@code cursor}, older or newer. */
    public String pageAfter(ThreadCursor cursor) {
        return pageWith("after", cursor);
    }

    public String pageBefore(ThreadCursor cursor) {
        return pageWith("before", cursor);
    }

    /** The same search and filters in another status view, from its first page. */
    QueueView withStatus(QueueFilter other) {
        return new QueueView(other, words, discussionId, authorName, authorId, commentId, null, null);
    }

    /** The address of {@link #withStatus}. */
    public String inStatus(QueueFilter other) {
        return withStatus(other).firstPage();
    }

    /** The address of the same search and filters in every status. */
    public String everyStatusPage() {
        return inStatus(QueueFilter.ALL);
    }

    /** The comments of the same browser identity (or, for an imported comment, of the same name) in any status. */
    public String byAuthorOf(QueueItem item) {
        return item.authorId() != null
                ? new QueueView(QueueFilter.ALL, words, discussionId, null, item.authorId(), null, null, null).firstPage()
                : new QueueView(QueueFilter.ALL, words, discussionId, item.authorName(), null, null, null, null).firstPage();
    }

    /** The first page of every comment in any status, with nothing else narrowing it. */
    public static String ofComment(long id) {
        return new QueueView(QueueFilter.ALL, "", null, null, null, id, null, null).firstPage();
    }

    private String pageWith(String name, ThreadCursor cursor) {
        var parameters = parameters();
        parameters.put(name, cursor.value(Sort.NEWEST));
        return path(parameters);
    }

    private Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("filter", filter.value());
        if (!words.isEmpty()) {
            parameters.put("q", words);
        }
        if (discussionId != null) {
            parameters.put("discussion", discussionId.toString());
        }
        if (authorName != null) {
            parameters.put("author", authorName);
        }
        if (authorId != null) {
            parameters.put("author_id", authorId.toString());
        }
        if (commentId != null) {
            parameters.put("comment", commentId.toString());
        }
        return parameters;
    }

    private static String path(Map<String, String> parameters) {
        var path = new StringBuilder("/admin/queue");
        char separator = '?';
        for (var parameter : parameters.entrySet()) {
            path.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return path.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
