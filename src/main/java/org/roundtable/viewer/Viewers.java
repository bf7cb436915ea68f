package org.roundtable.viewer;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.antispam.Bans;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.author.AuthorRepository;
import org.roundtable.author.PrivateLinkNotice;
import org.roundtable.comment.EditWindow;
import org.roundtable.security.FormTokens;
import org.roundtable.security.IpHashes;
import org.roundtable.security.SiteAddress;

/** The personal side of a page: who the reader is, a fresh form token, and their private link while it waits. */
public final class Viewers {

    private final Jdbi jdbi;
    private final AuthorCookies authors;
    private final FormTokens formTokens;
    private final Clock clock;
    private final EditWindow editWindow;
    private final SiteAddress site;
    private final Bans bans;
    private final IpHashes ipHashes;

    public Viewers(Jdbi jdbi, AuthorCookies authors, FormTokens formTokens, Clock clock, EditWindow editWindow,
                   SiteAddress site, Bans bans, IpHashes ipHashes) {
        this.jdbi = jdbi;
        this.bans = bans;
        this.ipHashes = ipHashes;
        this.authors = authors;
        this.formTokens = formTokens;
        this.clock = clock;
        this.editWindow = editWindow;
        this.site = site;
    }

    /**
     * Whether this reader's page of the article is everyone's page, which can come from the cache: no private
     * link waits to be shown, they did not mark a comment helpful a moment ago, and nothing of theirs on it awaits a
     * moderator or can still be edited. Readers
     * who posted once are recognised for two years; most of the time their page is everyone's.
     */
    public boolean seesSharedPage(Context ctx, String articleSlug) {
        if (authors.waitingPrivateLink(ctx).isPresent() || authors.recentMark(ctx).isPresent()) {
            return false;
        }
        return authors.current(ctx)
                .map(author -> !jdbi.onDemand(AuthorRepository.class)
                        .hasOwnCommentsShowing(author.id(), articleSlug, editWindow.openSince(clock.instant())))
                .orElse(true);
    }

    public Viewer viewer(Context ctx) {
        PrivateLinkNotice privateLink = authors.waitingPrivateLink(ctx)
                .map(link -> new PrivateLinkNotice(link.commentId(), site.baseUrl(ctx) + "/authors/" + link.token()))
                .orElse(null);
        Long authorId = authors.current(ctx).map(Author::id).orElse(null);
        // Only a known author has comments to change, so only they are asked about bans.
        boolean banned = authorId != null && bans.refusalFor(authorId, ipHashes.withFormer(ctx)).isPresent();
        return new Viewer(authorId, clock.instant(), editWindow, formTokens.issue(), privateLink,
                authors.recentMark(ctx).orElse(null), banned);
    }

    /** A reader the site knows nothing about, as every reader of a shared, cached page is. */
    public Viewer anonymous() {
        return new Viewer(null, clock.instant(), editWindow, formTokens.issue(), null, null, false);
    }

    public EditWindow editWindow() {
        return editWindow;
    }

    /**
     * Model entries every page with a comment form needs, the same for every reader: what is personal on a page
     * comes with its {@link Viewer}.
     */
    public Map<String, Object> pageModel() {
        var model = new HashMap<String, Object>();
        model.put("formToken", formTokens.issue());
        model.put("editMinutes", editWindow.minutes());
        return model;
    }
}
