package org.roundtable.author;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.roundtable.db.GroupCommitWriter;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.security.FormTokens;
import org.roundtable.security.SiteAddress;
import org.roundtable.web.ReaderFacingError;

/**
 * The page behind an author's private link: their comments, a button that signs the browser in as their
 * author (so edits and deletions work there too), and the private feed of replies.
 */
public final class AuthorController {

    private final AuthorCookies cookies;
    private final AuthorComments comments;
    private final FormTokens formTokens;
    private final SiteAddress site;
    private final GroupCommitWriter writer;

    public AuthorController(AuthorCookies cookies, AuthorComments comments, FormTokens formTokens, SiteAddress site,
                            GroupCommitWriter writer) {
        this.cookies = cookies;
        this.comments = comments;
        this.formTokens = formTokens;
        this.site = site;
        this.writer = writer;
    }

    /**
     * Lists the author's comments. Signing this browser in takes a click (a POST from this page): otherwise any
     * site could sign a visitor in as someone else with a hidden image, and then read and delete what they post.
     */
    public void show(Context ctx) {
        String token = ctx.pathParam("token");
        Author author = cookies.holderOfPrivateLink(ctx, token);
        // The address is the key to this page: keep it out of other sites' Referer headers, caches and search
        // engines. "same-origin", not "no-referrer": with no-referrer Chromium sends this page's own form with
        // "Origin: null", and the same-origin check that guards every form would refuse the sign-in.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.render("author/private", Map.of(
                "comments", comments.of(author),
                "path", "/authors/" + token,
                "signedIn", cookies.current(ctx).map(current -> current.id() == author.id()).orElse(false),
                "formToken", formTokens.issue(),
                "editMinutes", comments.editMinutes()));
    }

    /** Signs this browser in as the author of the private link, so their comments can be edited from here. */
    public void signIn(Context ctx) {
        ChangedPages.none(ctx);
        String token = ctx.pathParam("token");
        Author author = cookies.holderOfPrivateLink(ctx, token);
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            throw new ReaderFacingError(HttpStatus.forStatus(verdict.status()), verdict.refusal());
        }
        cookies.remember(ctx, author);
        ctx.redirect("/authors/" + token, HttpStatus.SEE_OTHER);
    }

    /**
     * Offers a browser that posted comments a new private link: the link is stored only as a hash, so one that
     * was lost cannot be shown again, only replaced.
     */
    public void renewalForm(Context ctx) {
        renderRenewal(ctx, null, 200);
    }

    /** Makes a new private link for this browser's author, retiring the old one, and shows it. */
    public void renew(Context ctx) {
        ChangedPages.none(ctx);
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            renderRenewal(ctx, null, verdict.status(), verdict.refusal());
            return;
        }
        Optional<Author> author = cookies.current(ctx);
        if (author.isEmpty()) {
            renderRenewal(ctx, null, 200);
            return;
        }
        String token = writer.write(session -> cookies.replacePrivateLink(session.attach(AuthorRepository.class), author.get()));
        renderRenewal(ctx, site.baseUrl(ctx) + "/authors/" + token, 200);
    }

    private void renderRenewal(Context ctx, String newLink, int status) {
        renderRenewal(ctx, newLink, status, null);
    }

    private void renderRenewal(Context ctx, String newLink, int status, String error) {
        // A new link is on this page: it must not reach other sites, caches or search engines.
        ctx.header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "private, no-store")
                .header("X-Robots-Tag", "noindex");
        var model = new HashMap<String, Object>();
        model.put("hasComments", cookies.current(ctx).isPresent());
        model.put("newLink", newLink);
        model.put("error", error);
        model.put("formToken", formTokens.issue());
        model.put("path", PrivateLinkNotice.RENEWAL_PATH);
        model.put("description", "Lost your private link? Get a new one from the browser you wrote your comments in; "
                + "the old link stops working.");
        ctx.status(status);
        ctx.render("author/new-link", model);
    }

}
