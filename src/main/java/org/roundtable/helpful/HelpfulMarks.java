package org.roundtable.helpful;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.antispam.FloodControl;
import org.roundtable.antispam.PostQuotas;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.author.AuthorRepository;
import org.roundtable.comment.Comment;
import org.roundtable.security.IpHashes;

/**
 * "Helpful" marks as they are stored: one per browser per comment, within the hourly limits per address and per
 * browser; a comment's count takes at most {@code marksPerAddress} marks from one address.
 */
public final class HelpfulMarks {

    /** What a mark's transaction did: who marked (an identity made for a browser without one), and the new count. */
    public record Stored(Author reader, int count) {}

    private final Jdbi jdbi;
    private final AuthorCookies authors;
    private final IpHashes ipHashes;
    private final FloodControl flood;
    private final Clock clock;
    private final int marksPerAddress;

    public HelpfulMarks(Jdbi jdbi, AuthorCookies authors, IpHashes ipHashes, FloodControl flood, Clock clock,
                        int marksPerAddress) {
        this.jdbi = jdbi;
        this.authors = authors;
        this.ipHashes = ipHashes;
        this.flood = flood;
        this.clock = clock;
        this.marksPerAddress = marksPerAddress;
    }

    /**
     * Marks {@code comment} helpful ({@code helpful}) or takes the mark back, for the browser {@code known} (empty:
     * one without a cookie) at {@code clientAddress}. Throws {@link FloodControl.Flooded} when the address or the
     * browser reached its limit.
     */
    public Stored mark(Comment comment, Optional<Author> known, String clientAddress, boolean helpful) {
        String ipHash = ipHashes.of(clientAddress);
        // A browser without a cookie gets its author identity here, in the mark's transaction and only once the
        // address had room: a refused mark leaves no author, no cookie and no count behind.
        return jdbi.inTransaction(handle -> {
            Author reader = flood.takeMark(handle.attach(PostQuotas.class), ipHash,
                    () -> known.orElseGet(() -> authors.create(handle.attach(AuthorRepository.class))));
            int count = handle.attach(HelpfulRepository.class)
                    .mark(comment.id(), reader.id(), ipHash, helpful, clock.instant(), marksPerAddress);
            return new Stored(reader, count);
        });
    }

    /** The comments of the article {@code articleId} that {@code readerId} marked helpful. */
    public List<Long> marked(long readerId, long articleId) {
        return jdbi.onDemand(HelpfulRepository.class).marked(readerId, articleId);
    }
}
