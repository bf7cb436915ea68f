package org.roundtable.moderation;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roundtable.antispam.FloodControl;
import org.roundtable.article.Article;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Ids;
import org.roundtable.comment.Text;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.security.FormTokens;
import org.roundtable.threads.CommentLookup;
import org.roundtable.web.Forms;
import org.roundtable.web.RetryAfter;

/**
 * "Report" on every comment: no account needed, one report per author cookie per comment, and an hourly limit per
 * browser and per address, since every report lands in the moderators' queue. Reports from enough addresses hide
 * the comment until a moderator decides; one address counts once, so a client that drops its cookie to report
 * again cannot hide a comment alone.
 */
public final class ReportController {

    static final int MAX_DETAILS_LENGTH = 1_000;
    private static final int QUOTED_LENGTH = 400;

    private final CommentLookup lookup;
    private final Reports reports;
    private final AuthorCookies authors;
    private final FormTokens formTokens;
    private final CommentMarkdown markdown;

    public ReportController(CommentLookup lookup, Reports reports, AuthorCookies authors, FormTokens formTokens,
                            CommentMarkdown markdown) {
        this.lookup = lookup;
        this.reports = reports;
        this.authors = authors;
        this.formTokens = formTokens;
        this.markdown = markdown;
    }

    public void form(Context ctx) {
        Article article = lookup.article(ctx);
        if (ctx.queryParam("sent") != null) {
            // The thanks stay readable after the report that hid the comment, and read the same for any number in the
            // address: had they answered only for comments that exist, they would tell a hidden one from none at all.
            long id = Ids.parse(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
            render(ctx, article, id, lookup.shownToReaders(ctx, article).orElse(null), "", "",
                    "Thank you. A moderator will look at it.", null, 200);
            return;
        }
        Comment comment = reportable(ctx, article);
        render(ctx, article, comment.id(), comment, "", "", null, null, 200);
    }

    /**
     * The comment the address names, if readers see it: a rejected, deleted or held comment is not found, as on its
     * own page, so that nobody can push it back into the moderators' queue or learn that it exists.
     */
    private Comment reportable(Context ctx, Article article) {
        return lookup.shownToReaders(ctx, article).orElseThrow(NotFoundResponse::new);
    }

    public void report(Context ctx) {
        Article article = lookup.article(ctx);
        ChangedPages.ofArticle(ctx, article.slug());
        Comment comment = reportable(ctx, article);
        String reasonValue = Forms.field(ctx, "reason");
        String details = Forms.field(ctx, "details").strip();
        Optional<ReportReason> reason = ReportReason.fromValue(reasonValue);
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            render(ctx, article, comment.id(), comment, reasonValue, details, null, verdict.refusal(), verdict.status());
            return;
        }
        String problem = reason.isEmpty() ? "Please choose a reason."
                : details.codePointCount(0, details.length()) > MAX_DETAILS_LENGTH
                        ? "Please keep the details to " + MAX_DETAILS_LENGTH + " characters."
                        : null;
        if (problem != null) {
            render(ctx, article, comment.id(), comment, reasonValue, details, null, problem, 422);
            return;
        }
        Optional<Author> known = authors.current(ctx);
        Optional<Author> stored;
        try {
            stored = reports.file(comment, known, ctx.ip(), reason.get(), details);
        } catch (FloodControl.Flooded e) {
            RetryAfter.set(ctx, e.retryAfter());
            render(ctx, article, comment.id(), comment, reasonValue, details, null, e.getMessage(), HttpStatus.TOO_MANY_REQUESTS.getCode());
            return;
        }
        if (known.isEmpty()) {
            stored.ifPresent(reporter -> authors.remember(ctx, reporter));
        }
        ctx.redirect(CommentPaths.comment(article.slug(), comment.id()) + "/report?sent", HttpStatus.SEE_OTHER);
    }

    /** The report page of comment {@code commentId}, quoting it when readers see it ({@code shown}; null otherwise). */
    private void render(Context ctx, Article article, long commentId, Comment shown, String reason, String details,
                        String thanks, String error, int status) {
        var model = new HashMap<String, Object>(Map.of(
                "article", article,
                "commentPath", CommentPaths.comment(article.slug(), commentId),
                "reasons", List.of(ReportReason.values()),
                "reason", reason,
                "details", details,
                "formToken", formTokens.issue()));
        // The reporter sees what they are reporting, as readers see it.
        model.put("quotedAuthor", shown == null ? null : shown.authorName());
        model.put("quoted", shown == null ? null : Text.excerpt(markdown.plainText(shown.body()), QUOTED_LENGTH));
        model.put("thanks", thanks);
        model.put("error", error);
        ctx.status(status);
        ctx.render("moderation/report", model);
    }

}
