package org.roundtable.wxr;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.Article;
import org.roundtable.article.ArticleRepository;
import org.roundtable.discussion.Comment;
import org.roundtable.discussion.CommentRepository;
import org.roundtable.discussion.CommentStatus;
import org.roundtable.discussion.Discussion;
import org.roundtable.discussion.DiscussionRepository;
import org.roundtable.discussion.Text;

/**
 * Brings the comments of one post of a WordPress export into an article's general discussion: names, dates,
 * approval state and the whole reply structure. Email and IP addresses in the file are never stored. Each
 * comment remembers its WordPress id, so importing the same file again adds nothing; all of it is one
 * transaction, so a file that fails part-way imports nothing.
 */
public final class WxrImporter {

    /** What an import did. */
    public record Result(String postTitle, int imported, int alreadyThere, int pingsSkipped) {}

    private final Jdbi jdbi;

    public WxrImporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Result importComments(Path file, Optional<String> articleSlug, Optional<String> post) throws IOException, WxrException {
        Article article = article(articleSlug);
        WxrPost chosen = choose(new WxrReader().read(file), article, post);
        return jdbi.inTransaction(handle -> {
            var comments = handle.attach(CommentRepository.class);
            Discussion general = handle.attach(DiscussionRepository.class).find(article.id(), Discussion.GENERAL).orElseThrow();
            Map<Long, Comment> byWordPressId = new HashMap<>();
            int imported = 0;
            int alreadyThere = 0;
            int pings = 0;
            for (WxrComment wp : parentsFirst(chosen.comments())) {
                if (wp.isPingOrTrackback()) {
                    pings++;
                    continue;
                }
                String key = "wxr:" + chosen.id() + ":" + wp.id();
                Optional<Comment> existing = comments.findByImportKey(key);
                if (existing.isPresent()) {
                    byWordPressId.put(wp.id(), existing.get());
                    alreadyThere++;
                    continue;
                }
                Comment parent = wp.parentId() == 0 ? null : byWordPressId.get(wp.parentId());
                long id = comments.add(general.id(), parent, new CommentRepository.NewComment(
                        null, Text.name(wp.author()), Text.body(wp.content()), status(wp.approved()), null, wp.date()));
                comments.setImportKey(id, key);
                byWordPressId.put(wp.id(), comments.find(id).orElseThrow());
                imported++;
            }
            return new Result(chosen.title(), imported, alreadyThere, pings);
        });
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

    /** Parents before their replies, however deep and in whatever order the file lists them. */
    private static List<WxrComment> parentsFirst(List<WxrComment> comments) throws WxrException {
        Map<Long, WxrComment> byId = new HashMap<>();
        comments.forEach(c -> byId.put(c.id(), c));
        List<WxrComment> ordered = new ArrayList<>();
        Map<Long, Boolean> placed = new HashMap<>();
        List<WxrComment> byDate = new ArrayList<>(comments);
        byDate.sort(Comparator.comparing(WxrComment::date).thenComparing(WxrComment::id));
        for (WxrComment comment : byDate) {
            place(comment, byId, placed, ordered, 0);
        }
        return ordered;
    }

    private static void place(WxrComment comment, Map<Long, WxrComment> byId, Map<Long, Boolean> placed,
                              List<WxrComment> ordered, int guard) throws WxrException {
        if (placed.containsKey(comment.id())) {
            return;
        }
        if (guard > byId.size()) {
            throw new WxrException("Comment " + comment.id() + " is part of a reply loop.");
        }
        WxrComment parent = byId.get(comment.parentId());
        if (comment.parentId() != 0 && parent == null) {
            throw new WxrException("Comment " + comment.id() + " replies to comment " + comment.parentId() + ", which is not in the file.");
        }
        if (parent != null) {
            place(parent, byId, placed, ordered, guard + 1);
        }
        placed.put(comment.id(), true);
        ordered.add(comment);
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
