package org.roundtable.posting;

import io.javalin.http.Context;
import java.util.Optional;
import org.roundtable.article.Article;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.security.AddressHash;
import org.roundtable.security.FormTokens;
import org.roundtable.security.IpHashes;
import org.roundtable.threads.CommentForm;
import org.roundtable.threads.CommentLookup;

/** Who sent a comment's form, and where to, as the posting rules need to know them, read once per request. */
public final class Posters {

    /** Their browser, when it has posted before; the verdict on the form they sent; their address. */
    public record Poster(Optional<Author> known, FormTokens.Check token, AddressHash address) {
        public Long authorId() {
            return known.map(Author::id).orElse(null);
        }
    }

    /** A new comment as it was sent: the article its address names, the form as typed, and who sent it. */
    public record SentPost(Article article, CommentForm form, Poster poster) {}

    private final CommentLookup lookup;
    private final AuthorCookies authors;
    private final IpHashes ipHashes;

    public Posters(CommentLookup lookup, AuthorCookies authors, IpHashes ipHashes) {
        this.lookup = lookup;
        this.authors = authors;
        this.ipHashes = ipHashes;
    }

    public Poster of(Context ctx) {
        return new Poster(authors.current(ctx), FormTokens.verdictOf(ctx), ipHashes.withFormer(ctx));
    }

    /** The new comment this request sends, to be posted or previewed; a 404 when its article does not exist. */
    public SentPost post(Context ctx) {
        return new SentPost(lookup.article(ctx), CommentForm.from(ctx), of(ctx));
    }
}
