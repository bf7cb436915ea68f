package org.roundtable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.accounts.ModeratorRepository;
import org.roundtable.article.Article;
import org.roundtable.article.ArticleImporter;
import org.roundtable.article.ArticleRepository;
import org.roundtable.article.ArticleSource;
import org.roundtable.author.AuthorRepository;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Stance;
import org.roundtable.db.Database;
import org.roundtable.security.Tokens;

/**
 * What a repository test stores before it reads, written the way the app writes it: articles through the importer
 * (each with its general discussion and one per proposal), authors and comments through their repositories. A
 * comment is written a minute after the one before unless the test says when, so that the order the test writes
 * them in is their order in time.
 */
public final class TestContent {

    /** When the first comment is written. */
    public static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    private final Jdbi jdbi;
    private Instant next = START;

    public TestContent(Database database) {
        this.jdbi = database.jdbi();
    }

    /** An article with a proposal of each title, imported as a new article file is. */
    public Article article(String slug, String... proposalTitles) {
        var source = new ArticleSource(slug, "Article " + slug, "Author of " + slug, "By the author", null,
                LocalDate.of(2026, 2, 1), "The lead.",
                Stream.of(proposalTitles).map(title -> new ArticleSource.Proposal(title, "What " + title + " means.")).toList(),
                "The closing words.", List.of());
        new ArticleImporter(jdbi, Clock.fixed(START, ZoneOffset.UTC)).importIfAbsent(source);
        return jdbi.withExtension(ArticleRepository.class, articles -> articles.findBySlug(slug)).orElseThrow();
    }

    public Discussion general(Article article) {
        return discussion(article, Discussion.GENERAL);
    }

    public Discussion proposal(Article article, int number) {
        return discussion(article, Discussion.proposalKey(number));
    }

    /** The discussion as it stands now, its counts and tallies included. */
    public Discussion discussion(Article article, String key) {
        return jdbi.withExtension(DiscussionRepository.class, discussions -> discussions.find(article.id(), key)).orElseThrow();
    }

    /** A new browser's identity, as its first post or mark makes one. */
    public long author() {
        return author(START);
    }

    public long author(Instant createdAt) {
        return jdbi.withExtension(AuthorRepository.class,
                authors -> authors.insert(Tokens.random(), Tokens.sha256(Tokens.random()), createdAt));
    }

    /** A moderator's account, as the admin pages create one. */
    public long moderator(String username) {
        return jdbi.withExtension(ModeratorRepository.class,
                moderators -> moderators.insert(username, "not a password hash", "moderator", START));
    }

    /** A new top-level comment, to be described and then posted. */
    public Draft comment(Discussion discussion) {
        return new Draft(discussion.id(), null);
    }

    public Draft reply(Comment parent) {
        return new Draft(parent.discussionId(), parent);
    }

    /** The comment as it is stored now. */
    public Comment reload(Comment comment) {
        return jdbi.withExtension(CommentRepository.class, comments -> comments.find(comment.id())).orElseThrow();
    }

    /**
     * A comment before it is stored: by a browser of its own, from an address of its own, published, with no stance,
     * unless told otherwise.
     */
    public final class Draft {
        private final long discussionId;
        private final Comment parent;
        private Long authorId;
        private boolean imported;
        private String name = "Sara";
        private String body = "A comment";
        private CommentStatus status = CommentStatus.PUBLISHED;
        private String heldReason;
        private String ipHash;
        private Instant at;
        private Stance stance;

        private Draft(long discussionId, Comment parent) {
            this.discussionId = discussionId;
            this.parent = parent;
        }

        public Draft by(long authorId) {
            this.authorId = authorId;
            return this;
        }

        /** Brought in from elsewhere (an article file, a WordPress export): no browser and no address behind it. */
        public Draft imported() {
            this.imported = true;
            return this;
        }

        public Draft named(String name) {
            this.name = name;
            return this;
        }

        public Draft saying(String body) {
            this.body = body;
            return this;
        }

        public Draft from(String ipHash) {
            this.ipHash = ipHash;
            return this;
        }

        public Draft at(Instant at) {
            this.at = at;
            return this;
        }

        public Draft stance(Stance stance) {
            this.stance = stance;
            return this;
        }

        /** Set aside for a moderator, as a post the rules hold ({@link CommentStatus#HELD} or {@link CommentStatus#SPAM}). */
        public Draft held(CommentStatus status, String reason) {
            this.status = status;
            this.heldReason = reason;
            return this;
        }

        public Comment post() {
            Long author = imported ? null : authorId != null ? authorId : author();
            String address = imported ? null : ipHash != null ? ipHash : "address-of-" + author;
            Instant time = at != null ? at : next;
            next = (time.isAfter(next) ? time : next).plus(Duration.ofMinutes(1));
            var comment = new CommentRepository.NewComment(author, name, body, status, heldReason, address, time, stance);
            return jdbi.withExtension(CommentRepository.class,
                    comments -> comments.find(comments.add(discussionId, parent, comment)).orElseThrow());
        }
    }
}
