package org.roundtable.moderation;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.antispam.FloodControl;
import org.roundtable.antispam.PostQuotas;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.author.AuthorRepository;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Hold;
import org.roundtable.comment.Visibility;
import org.roundtable.security.IpHashes;

/**
 * Readers' reports as they are stored: one per browser per comment, within the hourly limits per browser and per
 * address, each landing in the moderators' queue. Reports from {@code hideThreshold} addresses hide the comment until
 * a moderator decides.
 */
public final class Reports {

    private final Jdbi jdbi;
    private final AuthorCookies authors;
    private final IpHashes ipHashes;
    private final FloodControl flood;
    private final Clock clock;
    private final int hideThreshold;

    public Reports(Jdbi jdbi, AuthorCookies authors, IpHashes ipHashes, FloodControl flood, Clock clock, int hideThreshold) {
        this.jdbi = jdbi;
        this.authors = authors;
        this.ipHashes = ipHashes;
        this.flood = flood;
        this.clock = clock;
        this.hideThreshold = hideThreshold;
    }

    /**
     * Stores the report on {@code comment} of the browser {@code known} (empty: one without a cookie) at
     * {@code clientAddress}; returns the reporter, or empty when this browser had reported the comment already. Throws
     * {@link FloodControl.Flooded} when the browser or the address reached its limit.
     */
    public Optional<Author> file(Comment comment, Optional<Author> known, String clientAddress, ReportReason reason,
                                 String details) {
        String ipHash = ipHashes.of(clientAddress);
        // A browser without a cookie gets its author identity in the report's transaction, once the limits had
        // room: a refused report leaves nothing behind, and a report sent twice is neither stored nor counted.
        return jdbi.inTransaction(handle -> {
            var reports = handle.attach(ReportRepository.class);
            if (known.isPresent() && reports.exists(comment.id(), known.get().id())) {
                return Optional.<Author>empty();
            }
            Author reporter = flood.takeReport(handle.attach(PostQuotas.class), ipHash,
                    () -> known.orElseGet(() -> authors.create(handle.attach(AuthorRepository.class))));
            reports.insert(comment.id(), reporter.id(), ipHash, reason.value(), details.isEmpty() ? null : details,
                    clock.instant());
            if (reports.openReporters(comment.id()) >= hideThreshold && Visibility.shownToReaders(comment.status())) {
                // Hidden until a moderator decides: held, like a comment awaiting approval.
                handle.attach(CommentRepository.class).hold(comment,
                        new Hold(CommentStatus.HELD, "Hidden after reports from " + hideThreshold + " readers"));
            }
            return Optional.of(reporter);
        });
    }
}
