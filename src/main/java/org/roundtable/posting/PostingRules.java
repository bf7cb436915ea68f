package org.roundtable.posting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.antispam.Bans;
import org.roundtable.antispam.FloodControl;
import org.roundtable.antispam.PostQuotas;
import org.roundtable.antispam.SpamScreen;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Hold;
import org.roundtable.comment.Ids;
import org.roundtable.comment.Stance;
import org.roundtable.comment.Text;
import org.roundtable.comment.Visibility;
import org.roundtable.posting.Posters.Poster;
import org.roundtable.security.AddressHash;
import org.roundtable.security.FormTokens;
import org.roundtable.threads.CommentForm;

/**
 * The rules a comment meets on its way into the forum, the ones readers are told about: a new post, an author's edit
 * and a preview of either pass the same checks on their text, the discussion's lock and bans; posts and edits also
 * the blocklist and the link limit ({@link SpamScreen}); posts also the flood limits ({@link FloodControl}), the
 * discussion and the comment they answer, and the duplicate window. Reads only: what passes is stored by the
 * {@link CommentStore}.
 */
public final class PostingRules {

    static final String LOCKED = "This discussion is closed to new comments. You can still read it.";
    static final String UNKNOWN_STANCE = "Choose for, against or undecided as your stance, or none.";

    private final Bans bans;
    private final SpamScreen spam;
    private final FloodControl flood;
    private final Clock clock;
    private final Duration duplicateWindow;
    private final Jdbi jdbi;

    public PostingRules(Bans bans, SpamScreen spam, FloodControl flood, Clock clock, Duration duplicateWindow, Jdbi jdbi) {
        this.bans = bans;
        this.spam = spam;
        this.flood = flood;
        this.clock = clock;
        this.duplicateWindow = duplicateWindow;
        this.jdbi = jdbi;
    }

    /** Refuses what no one should be able to post; returns the reason, or empty when the text is fine. */
    public static Optional<String> problemWithText(String name, String body) {
        if (Text.length(name) > CommentForm.MAX_NAME_LENGTH) {
            return Optional.of("Your name is " + Text.length(name) + " characters long; please keep it to "
                    + CommentForm.MAX_NAME_LENGTH + ".");
        }
        if (body.isEmpty()) {
            return Optional.of("Please write a comment before sending it.");
        }
        if (Text.length(body) > CommentForm.MAX_BODY_LENGTH) {
            return Optional.of("Your comment is " + String.format("%,d", Text.length(body))
                    + " characters long; the limit is 10,000. Please shorten it.");
        }
        return Optional.empty();
    }

    /**
     * Whether a new post may be stored ({@link Outcome.Planned}) or why not. What merely looks like spam is not
     * refused but held; see {@link SpamScreen}.
     */
    public Outcome post(Article article, CommentForm form, Poster poster, String honeypot) {
        // Every check reads through this one handle (jdbi lends it to the nested calls on this thread), and it is
        // given back before the comment waits for the writer.
        return jdbi.withHandle(handle -> post(handle, article, form, poster, honeypot));
    }

    private Outcome post(Handle handle, Article article, CommentForm form, Poster poster, String honeypot) {
        FormTokens.Check token = poster.token();
        if (token.verdict() == FormTokens.Verdict.FOREIGN_ORIGIN) {
            return new Outcome.Refused(token.verdict().status(), token.verdict().refusal());
        }
        return problemWithText(Text.name(form.name()), Text.body(form.body()))
                .map(problem -> new Outcome.Refused(422, problem))
                .or(() -> bans.refusalFor(poster.authorId(), poster.address()).map(reason -> new Outcome.Refused(403, reason)))
                .or(() -> flood(handle, poster.authorId(), poster.address().key()))
                .map(Outcome.class::cast)
                .orElseGet(() -> plan(handle, article, form, poster.authorId(), poster.address().key(),
                        spam.screen(honeypot, token, Text.name(form.name()), Text.body(form.body()), poster.address())));
    }

    /**
     * Why the preview of a new post is refused: the text limits, the discussion's lock and bans a post meets, read
     * before the words are parsed. A preview is a post that is not stored, so nothing here counts against the
     * flood limits; its form's token is checked by the preview itself.
     */
    public Optional<Outcome.Refused> preview(Article article, CommentForm form, Long authorId, AddressHash address) {
        return problemWithText(Text.name(form.name()), Text.body(form.body()))
                .map(problem -> new Outcome.Refused(422, problem))
                .or(() -> jdbi.onDemand(DiscussionRepository.class).find(article.id(), form.discussionKey())
                        .filter(Discussion::locked).map(locked -> new Outcome.Refused(403, LOCKED)))
                .or(() -> bans.refusalFor(authorId, address).map(reason -> new Outcome.Refused(403, reason)));
    }

    /** Why an author's edit is refused: its text, the discussion's lock, a ban on its author or address. */
    public Optional<Outcome.Refused> edit(Comment comment, String name, String body, AddressHash address) {
        return problemWithText(name, body).map(problem -> new Outcome.Refused(422, problem))
                .or(() -> jdbi.onDemand(DiscussionRepository.class).findById(comment.discussionId())
                        .filter(Discussion::locked).map(locked -> new Outcome.Refused(403, LOCKED)))
                .or(() -> bans.refusalFor(comment.authorId(), address).map(reason -> new Outcome.Refused(403, reason)));
    }

    /** How edited words must wait for a moderator, when the blocklist or link limit say so. */
    public Optional<Hold> screenEdit(String name, String body, AddressHash address) {
        return spam.screenWords(name, body, address);
    }

    /** Why this browser or address must wait before posting again (429), or empty when it may post now. */
    private Optional<Outcome.Refused> flood(Handle handle, Long authorId, String ipHash) {
        return flood.refusal(handle.attach(PostQuotas.class), authorId, ipHash).map(Outcome.Refused::flooded);
    }

    /**
     * Checks a post against everything stored (discussion, lock, parent, duplicates) and decides its status
     * from the article's policy. Reads only, so it runs outside the single writer.
     */
    private Outcome plan(Handle handle, Article article, CommentForm form, Long authorId, String ipHash,
                         Optional<Hold> screened) {
        String name = Text.name(form.name());
        String body = Text.body(form.body());
        Optional<String> problem = problemWithText(name, body);
        if (problem.isPresent()) {
            return new Outcome.Refused(422, problem.get());
        }
        var comments = handle.attach(CommentRepository.class);
        Optional<Discussion> discussion = handle.attach(DiscussionRepository.class).find(article.id(), form.discussionKey());
        if (discussion.isEmpty()) {
            return new Outcome.Refused(422, "That discussion does not exist. Please reply from the article page.");
        }
        if (discussion.get().locked()) {
            return new Outcome.Refused(403, LOCKED);
        }
        Optional<Stance> stance = Stance.fromValue(form.stance());
        if (stance.isEmpty() && !form.stance().isBlank()) {
            return new Outcome.Refused(422, UNKNOWN_STANCE);
        }
        Optional<Comment> parent = Ids.parse(form.parentId()).flatMap(comments::find);
        Optional<String> parentProblem = form.isReply() ? problemWithParent(parent, discussion.get()) : Optional.empty();
        if (parentProblem.isPresent()) {
            return new Outcome.Refused(422, parentProblem.get());
        }
        Instant now = clock.instant();
        if (!duplicateWindow.isZero()
                && comments.duplicateExists(discussion.get().id(), authorId, ipHash, body, now.minus(duplicateWindow))) {
            return new Outcome.Refused(422, "You already said that in this discussion a moment ago.");
        }
        boolean known = authorId != null && comments.hasPublished(authorId);
        Optional<Hold> hold = screened.or(() -> article.moderationPolicy().holds(known)
                ? Optional.of(new Hold(CommentStatus.HELD, article.moderationPolicy().holdReason()))
                : Optional.empty());
        // Only a new thread on a proposal takes a stance; a form that sends one anywhere else is not refused for it.
        boolean takesStance = !form.isReply() && !discussion.get().isGeneral();
        return new Outcome.Planned(discussion.get().id(), parent.orElse(null), name, body,
                hold.map(Hold::status).orElse(CommentStatus.PUBLISHED), hold.map(Hold::reason).orElse(null), ipHash, now,
                takesStance ? stance.orElse(null) : null);
    }

    private static Optional<String> problemWithParent(Optional<Comment> parent, Discussion discussion) {
        if (parent.isEmpty() || !Visibility.keepsItsPlace(parent.get().status())) {
            return Optional.of("The comment you are replying to does not exist (any more).");
        }
        if (parent.get().discussionId() != discussion.id()) {
            return Optional.of("The comment you are replying to belongs to another discussion.");
        }
        if (parent.get().isDeleted()) {
            return Optional.of("The comment you are replying to has been deleted.");
        }
        return Optional.empty();
    }
}
