package org.roundtable.moderation;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.antispam.FloodControl;
import org.roundtable.antispam.PostQuotas;
import org.roundtable.article.Article;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.author.AuthorRepository;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Hold;
import org.roundtable.comment.Text;
import org.roundtable.comment.Visibility;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.security.FormTokens;
import org.roundtable.security.IpHashes;
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

    private final Jdbi jdbi;
    private final CommentLookup lookup;
    private final AuthorCookies authors;
    private final FormTokens formTokens;
    private final IpHashes ipHashes;
    private final FloodControl flood;
    private final CommentMarkdown markdown;
    private final Clock clock;
    private final int hideThreshold;

    public ReportController(Jdbi jdbi, CommentLookup lookup, AuthorCookies authors, FormTokens formTokens,
                            IpHashes ipHashes, FloodControl flood, CommentMarkdown markdown, Clock clock, int hideThreshold) {
        this.jdbi = jdbi;
        this.lookup = lookup;
        this.authors = authors;
        this.formTokens = formTokens;
        this.ipHashes = ipHashes;
        this.flood = flood;
        this.markdown = markdown;
        this.clock = clock;
        this.hideThreshold = hideThreshold;
    }

    public void form(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = lookup.comment(ctx, article);
        render(ctx, article, comment, "", "", ctx.queryParam("sent") != null ? "Thank you. A moderator will look at it." : null,
                null, 200);
    }

    public void report(Context ctx) {
        Article article = lookup.article(ctx);
        ChangedPages.ofArticle(ctx, article.slug());
        Comment comment = lookup.comment(ctx, article);
        String reasonValue = Forms.field(ctx, "reason");
        String details = Forms.field(ctx, "details").strip();
        Optional<ReportReason> reason = ReportReason.fromValue(reasonValue);
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            render(ctx, article, comment, reasonValue, details, null, verdict.refusal(), verdict.status());
            return;
        }
        String problem = reason.isEmpty() ? "Please choose a reason."
                : details.codePointCount(0, details.length()) > MAX_DETAILS_LENGTH
                        ? "Please keep the details to " + MAX_DETAILS_LENGTH + " characters."
                        : null;
        if (problem != null) {
            render(ctx, article, comment, reasonValue, details, null, problem, 422);
            return;
        }
        Optional<Author> known = authors.current(ctx);
        String ipHash = ipHashes.of(ctx);
        Optional<Author> stored;
        try {
            // A browser without a cookie gets its author identity in the report's transaction, once the limits had
            // room: a refused report leaves nothing behind, and a report sent twice is neither stored nor counted.
            stored = jdbi.inTransaction(handle -> {
                var reports = handle.attach(ReportRepository.class);
                if (known.isPresent() && reports.exists(comment.id(), known.get().id())) {
                    return Optional.<Author>empty();
                }
                Author reporter = flood.takeReport(handle.attach(PostQuotas.class), ipHash,
                        () -> known.orElseGet(() -> authors.create(handle.attach(AuthorRepository.class))));
                reports.insert(comment.id(), reporter.id(), ipHash, reason.get().value(), details.isEmpty() ? null : details,
                        clock.instant());
                if (reports.openReporters(comment.id()) >= hideThreshold && Visibility.shownToReaders(comment.status())) {
                    // Hidden until a moderator decides: held, like a comment awaiting approval.
                    handle.attach(CommentRepository.class).hold(comment,
                            new Hold(CommentStatus.HELD, "Hidden after reports from " + hideThreshold + " readers"));
                }
                return Optional.of(reporter);
            });
        } catch (FloodControl.Flooded e) {
            RetryAfter.set(ctx, e.retryAfter());
            render(ctx, article, comment, reasonValue, details, null, e.getMessage(), HttpStatus.TOO_MANY_REQUESTS.getCode());
            return;
        }
        if (known.isEmpty()) {
            stored.ifPresent(reporter -> authors.remember(ctx, reporter));
        }
        ctx.redirect(CommentPaths.comment(article.slug(), comment.id()) + "/report?sent", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Article article, Comment comment, String reason, String details, String thanks,
                        String error, int status) {
        var model = new HashMap<String, Object>(Map.of(
                "article", article,
                "commentPath", CommentPaths.comment(article.slug(), comment.id()),
                "reasons", List.of(ReportReason.values()),
                "reason", reason,
                "details", details,
                "formToken", formTokens.issue()));
        // The reporter sees what they are reporting, as readers see it.
        boolean shown = Visibility.shownToReaders(comment.status());
        model.put("quotedAuthor", shown ? comment.authorName() : null);
        model.put("quoted", shown ? Text.excerpt(markdown.plainText(comment.body()), QUOTED_LENGTH) : null);
        model.put("thanks", thanks);
        model.put("error", error);
        ctx.status(status);
        ctx.render("moderation/report", model);
    }

}
