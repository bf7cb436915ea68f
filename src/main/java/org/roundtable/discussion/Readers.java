package org.roundtable.discussion;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.security.FormTokens;

/** The personal side of a page: who the reader is, a fresh form token, and their private link if just made. */
public final class Readers {

    private final AuthorCookies authors;
    private final FormTokens formTokens;
    private final Clock clock;
    private final Duration editWindow;

    public Readers(AuthorCookies authors, FormTokens formTokens, Clock clock, Duration editWindow) {
        this.authors = authors;
        this.formTokens = formTokens;
        this.clock = clock;
        this.editWindow = editWindow;
    }

    public Viewer viewer(Context ctx) {
        return viewerWith(authors.current(ctx).map(Author::id).orElse(null));
    }

    /** A reader the site knows nothing about, as every reader of a shared, cached page is. */
    public Viewer anonymous() {
        return viewerWith(null);
    }

    private Viewer viewerWith(Long authorId) {
        return new Viewer(authorId, clock.instant(), editWindow, formTokens.issue());
    }

    public Duration editWindow() {
        return editWindow;
    }

    /** Model entries every page with a comment form needs, the same for every reader. */
    public Map<String, Object> sharedModel() {
        var model = new HashMap<String, Object>();
        model.put("formToken", formTokens.issue());
        model.put("editMinutes", editWindow.toMinutes());
        return model;
    }

    /** The shared entries, and this reader's private link if it was just made. */
    public Map<String, Object> personalModel(Context ctx) {
        var model = sharedModel();
        authors.takePrivateLink(ctx).ifPresent(token -> model.put("privateLink", privateLinkUrl(ctx, token)));
        return model;
    }

    static String privateLinkUrl(Context ctx, String token) {
        return ctx.scheme() + "://" + ctx.host() + "/authors/" + token;
    }
}
