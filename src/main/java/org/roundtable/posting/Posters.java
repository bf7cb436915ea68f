package org.roundtable.posting;

import io.javalin.http.Context;
import java.util.Optional;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.security.AddressHash;
import org.roundtable.security.FormTokens;
import org.roundtable.security.IpHashes;

/** Who sent a comment's form, as the posting rules need to know them, read once per request. */
public final class Posters {

    /** Their browser, when it has posted before; the verdict on the form they sent; their address. */
    public record Poster(Optional<Author> known, FormTokens.Check token, AddressHash address) {
        public Long authorId() {
            return known.map(Author::id).orElse(null);
        }
    }

    private final AuthorCookies authors;
    private final IpHashes ipHashes;

    public Posters(AuthorCookies authors, IpHashes ipHashes) {
        this.authors = authors;
        this.ipHashes = ipHashes;
    }

    public Poster of(Context ctx) {
        return new Poster(authors.current(ctx), FormTokens.verdictOf(ctx), ipHashes.withFormer(ctx));
    }
}
