package org.roundtable.summary;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.audit.Actor;
import org.roundtable.audit.AuditLog;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Text;
import org.roundtable.threads.CommentForm;

/** Moderators write a proposal's summary; each version is kept and the writing is audited. */
public final class Summaries {

    /** As long as a comment may be: a summary is short. */
    static final int MAX_LENGTH = CommentForm.MAX_BODY_LENGTH;
    static final int MAX_NAME_LENGTH = 80;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public Summaries(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets the name {@code actor}'s summaries are signed with from now on (earlier ones keep theirs); audited. */
    public Optional<String> rename(Actor actor, String typed) {
        String name = Text.name(typed);
        if (typed.isBlank() || Text.length(name) > MAX_NAME_LENGTH) {
            return Optional.of("Choose a name of 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        jdbi.useTransaction(handle -> {
            var summaries = handle.attach(SummaryRepository.class);
            String before = summaries.displayName(actor.id()).orElse(null);
            summaries.rename(actor.id(), name);
            audit.record(handle, actor, "account.display_name", "moderator", actor.id(), before, name);
        });
        return Optional.empty();
    }

    /** Stores a new revision of the summary of proposal discussion {@code discussionId}; returns why not, or empty. */
    public Optional<String> write(Actor actor, long discussionId, String typed) {
        String body = Text.body(typed);
        if (body.isBlank()) {
            return Optional.of("Write the summary first.");
        }
        if (Text.length(body) > MAX_LENGTH) {
            return Optional.of("Keep the summary under " + MAX_LENGTH + " characters.");
        }
        return jdbi.inTransaction(handle -> {
            var discussion = handle.attach(DiscussionRepository.class).findById(discussionId);
            if (discussion.isEmpty() || discussion.get().isGeneral()) {
                return Optional.of("Only a proposal's discussion has a summary.");
            }
            var summaries = handle.attach(SummaryRepository.class);
            String writtenBy = summaries.displayName(actor.id()).orElse(ModeratorNames.DEFAULT);
            long id = summaries.insert(discussionId, body, actor.id(), writtenBy, clock.instant());
            audit.record(handle, actor, "summary.write", "discussion", discussionId, null, "revision " + id + ": " + body);
            return Optional.empty();
        });
    }
}
