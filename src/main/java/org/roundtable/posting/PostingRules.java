package org.roundtable.posting;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.antispam.Bans;
import org.roundtable.antispam.SpamScreen;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Hold;
import org.roundtable.comment.Text;
import org.roundtable.posting.CommentPosting.Outcome;
import org.roundtable.security.AddressHash;
import org.roundtable.security.FormTokens;
import org.roundtable.threads.CommentForm;

/**
 * The rules a comment meets on its way into the forum: a new post, an author's edit and a preview of either pass
 * the same checks on their text, the discussion's lock and bans; posts and edits also the blocklist and the link
 * limit. The text limits themselves are {@link CommentPosting#problemWithText}; the flood limits are
 * {@code FloodControl}'s.
 */
public final class PostingRules {

    private final CommentPosting posting;
    private final Bans bans;
    private final SpamScreen spam;
    private final Jdbi jdbi;

    public PostingRules(CommentPosting posting, Bans bans, SpamScreen spam, Jdbi jdbi) {
        this.posting = posting;
        this.bans = bans;
        this.spam = spam;
        this.jdbi = jdbi;
    }

    /**
     * Whether a new post may be stored ({@link Outcome.Planned}) or why not. What merely looks like spam is not
     * refused but held; see {@link SpamScreen}.
     */
    public Outcome post(Handle handle, Article article, CommentForm form, FormTokens.Check token, Long authorId,
                        AddressHash address, String honeypot) {
        if (token.verdict() == FormTokens.Verdict.FOREIGN_ORIGIN) {
            return new Outcome.Refused(token.verdict().status(), token.verdict().refusal());
        }
        return CommentPosting.problemWithText(Text.name(form.name()), Text.body(form.body()))
                .map(problem -> new Outcome.Refused(422, problem))
                .or(() -> bans.refusalFor(authorId, address).map(reason -> new Outcome.Refused(403, reason)))
                .or(() -> posting.flood(handle, authorId, address.key()))
                .map(Outcome.class::cast)
                .orElseGet(() -> posting.plan(handle, article, form, authorId, address.key(),
                        spam.screen(honeypot, token, Text.body(form.body()), address)));
    }

    /**
     * Why the preview of a new post is refused: the text limits, the discussion's lock and bans a post meets, read
     * before the words are parsed. A preview is a post that is not stored, so nothing here counts against the
     * flood limits; its form's token is checked by the preview itself.
     */
    public Optional<Outcome.Refused> preview(Article article, CommentForm form, Long authorId, AddressHash address) {
        return CommentPosting.problemWithText(Text.name(form.name()), Text.body(form.body()))
                .map(problem -> new Outcome.Refused(422, problem))
                .or(() -> jdbi.onDemand(DiscussionRepository.class).find(article.id(), form.discussionKey())
                        .filter(Discussion::locked).map(locked -> new Outcome.Refused(403, CommentPosting.LOCKED)))
                .or(() -> bans.refusalFor(authorId, address).map(reason -> new Outcome.Refused(403, reason)));
    }

    /** Why an author's edit is refused: its text, the discussion's lock, a ban on its author or address. */
    public Optional<Outcome.Refused> edit(Comment comment, String name, String body, AddressHash address) {
        return CommentPosting.problemWithText(name, body).map(problem -> new Outcome.Refused(422, problem))
                .or(() -> jdbi.onDemand(DiscussionRepository.class).findById(comment.discussionId())
                        .filter(Discussion::locked).map(locked -> new Outcome.Refused(403, CommentPosting.LOCKED)))
                .or(() -> bans.refusalFor(comment.authorId(), address).map(reason -> new Outcome.Refused(403, reason)));
    }

    /** How edited words must wait for a moderator, when the blocklist or link limit say so. */
    public Optional<Hold> screenEdit(String body, AddressHash address) {
        return spam.screenWords(body, address);
    }
}
