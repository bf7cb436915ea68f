package org.roundtable.wxr;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.Article;
import org.roundtable.article.ArticleRepository;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Text;
import org.roundtable.db.ContentVersion;
import org.roundtable.threads.CommentForm;

/**
 * Brings the comments of one post of a WordPress export into an article's general discussion: names, dates,
 * approval state, the whole reply structure, the post author's comments marked as the article author's, and
 * their words as formatted in WordPress, turned into the Markdown readers write here ({@link WordPressHtml}).
 * Email and IP addresses in the file are never stored. Each comment remembers its WordPress id, so importing
 * the same file again adds nothing; it only converts comments an earlier version imported as literal HTML and
 * nobody has changed since. All of it is one transaction, so a file that fails part-way imports nothing.
 */
public final class WxrImporter {

    /** What an import did, with a line for each comment that had to be shortened to fit the posting limits. */
    public record Result(String postTitle, int imported, int alreadyThere, int converted, int pingsSkipped,
                         List<String> shortened) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public WxrImporter(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Result importComments(Path file, Optional<String> articleSlug, Optional<String> post) throws IOException, WxrException {
        Article article = article(articleSlug);
        WxrPost chosen = choose(new WxrReader().read(file), article, post);
        List<WxrComment> ordered = parentsFirst(chosen.comments());
        Result result = jdbi.inTransaction(handle -> {
            var comments = handle.attach(CommentRepository.class);
            Discussion general = handle.attach(DiscussionRepository.class).find(article.id(), Discussion.GENERAL).orElseThrow();
            Map<Long, Comment> byWordPressId = new HashMap<>();
            List<String> shortened = new ArrayList<>();
            int imported = 0;
            int alreadyThere = 0;
            int converted = 0;
            int pings = 0;
            for (WxrComment wp : ordered) {
                if (wp.isPingOrTrackback()) {
                    pings++;
                    continue;
                }
                String key = "wxr:" + chosen.id() + ":" + wp.id();
                Optional<Comment> existing = comments.findByImportKey(key);
                if (existing.isPresent()) {
                    byWordPressId.put(wp.id(), existing.get());
                    alreadyThere++;
                    converted += convertLiteral(comments, existing.get(), wp, chosen) ? 1 : 0;
                    continue;
                }
                Comment parent = wp.parentId() == 0 ? null : byWordPressId.get(wp.parentId());
                String name = withinLimit(Text.name(wp.author()), CommentForm.MAX_NAME_LENGTH, "name", wp, shortened);
                String body = withinLimit(words(wp), CommentForm.MAX_BODY_LENGTH, "text", wp, shortened);
                long id = comments.add(general.id(), parent, new CommentRepository.NewComment(
                        null, name, body, status(wp.approved()), null, null, wp.date(), null));
                comments.setImportKey(id, key);
                if (chosen.isByAuthor(wp)) {
                    comments.markByArticleAuthor(id);
                }
                byWordPressId.put(wp.id(), comments.find(id).orElseThrow());
                imported++;
            }
            return new Result(chosen.title(), imported, alreadyThere, converted, pings, shortened);
        });
        if (result.imported() > 0 || result.converted() > 0) {
            // A running server drops its cached pages of the article when it sees the version move.
            ContentVersion.bump(jdbi);
        }
        return result;
    }

    /**
     * Converts a comment that an earlier version imported as the literal HTML of the file, when its words are
     * still exactly that: its edit time moves, so pages render it afresh. Marks the post author's comments.
     * Anything a moderator or the author has changed stays as it is. Returns whether the words were converted.
     */
    private boolean convertLiteral(CommentRepository comments, Comment existing, WxrComment wp, WxrPost post) {
        if (post.isByAuthor(wp) && !existing.byArticleAuthor()) {
            comments.markByArticleAuthor(existing.id());
        }
        String literal = withinLimit(Text.body(wp.content()), CommentForm.MAX_BODY_LENGTH, "text", wp, new ArrayList<>());
        String converted = withinLimit(words(wp), CommentForm.MAX_BODY_LENGTH, "text", wp, new ArrayList<>());
        if (existing.isDeleted() || !existing.body().equals(literal) || literal.equals(converted)) {
            return false;
        }
        comments.reimport(existing.id(), converted, clock.instant());
        return true;
    }

    /** A comment's words as readers here write them: its WordPress HTML as the safe Markdown subset. */
    private static String words(WxrComment wp) {
        return Text.body(WordPressHtml.toMarkdown(wp.content()));
    }

    /**
     * Imported words keep the limits typed words keep, or pages could be asked to show a 30 MB comment: what is
     * longer is cut at the limit, and the import says which comment was cut.
     */
    private static String withinLimit(String text, int limit, String what, WxrComment wp, List<String> shortened) {
        int length = text.codePointCount(0, text.length());
        if (length <= limit) {
            return text;
        }
        shortened.add(String.format("Comment %d: %s shortened from %,d to %,d characters", wp.id(), what, length, limit));
        return text.substring(0, text.offsetByCodePoints(0, limit));
    }

    private Article article(Optional<String> slug) throws WxrException {
        List<Article> articles = jdbi.onDemand(ArticleRepository.class).listNewestFirst();
        if (slug.isPresent()) {
            return articles.stream().filter(a -> a.slug().equals(slug.get())).findFirst()
                    .orElseThrow(() -> new WxrException("There is no article with the slug '" + slug.get() + "'."));
        }
        if (articles.size() != 1) {
            throw new WxrException("There are " + articles.size() + " articles: say which with --article SLUG.");
        }
        return articles.get(0);
    }

    /** The post named by --post (id or title), or else the one titled like the article. */
    private static WxrPost choose(List<WxrPost> posts, Article article, Optional<String> wanted) throws WxrException {
        List<WxrPost> matches = posts.stream()
                .filter(p -> wanted.map(w -> w.equals(Long.toString(p.id())) || same(w, p.title()))
                        .orElse(same(article.title(), p.title())))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        var listing = new StringBuilder(matches.isEmpty() ? "No post matches" : "More than one post matches");
        listing.append(wanted.map(w -> " '" + w + "'").orElse(" the article's title")).append(". Posts with comments:");
        for (WxrPost p : posts) {
            if (!p.comments().isEmpty()) {
                listing.append("\n  ").append(p.id()).append("  ").append(p.title()).append(" (").append(p.comments().size()).append(" comments)");
            }
        }
        throw new WxrException(listing.append("\nChoose one with --post ID.").toString());
    }

    private static boolean same(String a, String b) {
        return normal(a).equals(normal(b));
    }

    /** Titles compared as people read them: case, spacing and dash or quote styles aside. */
    private static String normal(String title) {
        return Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\u2010-\u2015]", "-").replaceAll("[\u2018\u2019\u201C\u201D\"']", "")
                .replaceAll("\\s+", " ").strip();
    }

    /**
     * Parents before their replies, however deep (a chain of 20,000 replies is walked, not recursed) and in
     * whatever order the file lists them.
     */
    private static List<WxrComment> parentsFirst(List<WxrComment> comments) throws WxrException {
        Map<Long, WxrComment> byId = new HashMap<>();
        comments.forEach(c -> byId.put(c.id(), c));
        List<WxrComment> ordered = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        List<WxrComment> byDate = new ArrayList<>(comments);
        byDate.sort(Comparator.comparing(WxrComment::date).thenComparing(WxrComment::id));
        for (WxrComment comment : byDate) {
            // Up the chain to the first ancestor already placed (or the top), then back down in order.
            Deque<WxrComment> chain = new ArrayDeque<>();
            Set<Long> onChain = new HashSet<>();
            for (WxrComment at = comment; at != null && !placed.contains(at.id()); at = parentOf(at, byId)) {
                if (!onChain.add(at.id())) {
                    throw new WxrException("Comment " + at.id() + " is part of a reply loop.");
                }
                chain.push(at);
            }
            while (!chain.isEmpty()) {
                WxrComment next = chain.pop();
                placed.add(next.id());
                ordered.add(next);
            }
        }
        return ordered;
    }

    private static WxrComment parentOf(WxrComment comment, Map<Long, WxrComment> byId) throws WxrException {
        if (comment.parentId() == 0) {
            return null;
        }
        WxrComment parent = byId.get(comment.parentId());
        if (parent == null) {
            throw new WxrException("Comment " + comment.id() + " replies to comment " + comment.parentId() + ", which is not in the file.");
        }
        return parent;
    }

    /** WordPress's approval states: "1" approved, "0" waiting, "spam", "trash". */
    private static CommentStatus status(String approved) {
        return switch (approved) {
            case "1", "approve" -> CommentStatus.PUBLISHED;
            case "spam" -> CommentStatus.SPAM;
            case "trash" -> CommentStatus.REJECTED;
            default -> CommentStatus.HELD;
        };
    }
}
