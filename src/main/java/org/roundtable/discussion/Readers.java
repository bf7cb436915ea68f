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
        return new Viewer(authors.current(ctx).map(Author::id).orElse(null), clock.instant(), editWindow, formTokens.issue());
    }

    public Duration editWindow() {
        return editWindow;
    }

    /** Model entries every page with a comment form needs. */
    public Map<String, Object> personalModel(Context ctx) {
        var model = new HashMap<String, Object>();
        model.put("formToken", formTokens.issue());
        model.put("editMinutes", editWindow.toMinutes());
        authors.takePrivateLink(ctx).ifPresent(token -> model.put("privateLink", privateLinkUrl(ctx, token)));
        return model;
    }

    static String privateLinkUrl(Context ctx, String token) {
        return ctx.scheme() + "://" + ctx.host() + "/authors/" + token;
    }
}
