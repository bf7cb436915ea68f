package org.roundtable.siteadmin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.accounts.AdminGate;
import org.roundtable.accounts.AdminNotices;
import org.roundtable.accounts.AdminPages;
import org.roundtable.article.Article;
import org.roundtable.article.ArticleRepository;
import org.roundtable.article.ModerationPolicy;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Ids;
import org.roundtable.comment.Text;
import org.roundtable.moderation.ModerationActions;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.summary.ModeratorNames;
import org.roundtable.summary.Summaries;
import org.roundtable.summary.SummaryRepository;
import org.roundtable.web.Forms;
import org.roundtable.web.ReaderFacingError;

/**
 * Per article: the moderation policy, which of its discussions are locked, and the summary of each proposal's
 * debate; and the name the signed-in moderator's summaries are signed with.
 */
public final class ArticleSettingsController {

    private final Jdbi jdbi;
    private final ModerationActions actions;
    private final Summaries summaries;
    /** What was saved, told on the page the moderator comes back to. */
    private final AdminNotices notices;

    public ArticleSettingsController(Jdbi jdbi, ModerationActions actions, Summaries summaries, AdminNotices notices) {
        this.jdbi = jdbi;
        this.actions = actions;
        this.summaries = summaries;
        this.notices = notices;
    }

    /** An article with its discussions, and the current summary of each proposal's (Markdown, by discussion id). */
    public record ArticleSettings(Article article, List<Discussion> discussions, Map<Long, String> summaries) {}

    /** A summary that was refused, to show again as typed beside why: for discussion {@code discussionId}. */
    public record RefusedSummary(long discussionId, String text, String error) {}

    public void list(Context ctx) {
        render(ctx, null, 200);
    }

    private void render(Context ctx, RefusedSummary refused, int status) {
        var model = AdminPages.model(ctx);
        model.put("articles", jdbi.withHandle(handle -> handle.attach(ArticleRepository.class).listNewestFirst().stream()
                .map(article -> new ArticleSettings(article, handle.attach(DiscussionRepository.class).forArticle(article.id()),
                        currentSummaries(handle.attach(SummaryRepository.class), article, refused)))
                .toList()));
        model.put("policies", List.of(ModerationPolicy.values()));
        model.put("refused", refused);
        model.put("notice", notices.read(ctx, "notice").orElse(null));
        // The discussion whose summary was just saved, which says so beside its form.
        model.put("savedSummary", notices.read(ctx, "saved").flatMap(Ids::parse).orElse(null));
        model.put("displayName", jdbi.onDemand(SummaryRepository.class).displayName(AdminGate.session(ctx).moderatorId())
                .orElse(ModeratorNames.DEFAULT));
        ctx.status(status);
        ctx.render("admin/articles", model);
    }

    /** Each proposal's current summary, or what was typed for the one whose new version was refused. */
    private static Map<Long, String> currentSummaries(SummaryRepository repository, Article article, RefusedSummary refused) {
        var current = new HashMap<Long, String>();
        repository.currentForArticle(article.id()).forEach(summary -> current.put(summary.discussionId(), summary.bodyMarkdown()));
        if (refused != null) {
            current.put(refused.discussionId(), refused.text());
        }
        return current;
    }

    /** A new version of a proposal's summary, audited; the last one stays readable in the summary's history. */
    public void writeSummary(Context ctx) {
        long id = Ids.fromPath(ctx);
        String typed = Forms.field(ctx, "summary");
        Optional<String> problem = summaries.write(AdminGate.session(ctx).actor(), id, typed);
        if (problem.isPresent()) {
            render(ctx, new RefusedSummary(id, typed, problem.get()), 422);
            return;
        }
        ctx.redirect(notices.addTo(ctx, "/admin/articles#discussion-" + id, "saved", Long.toString(id)), HttpStatus.SEE_OTHER);
    }

    /** The name the signed-in moderator's summaries are signed with, for readers; never their login. */
    public void setDisplayName(Context ctx) {
        ChangedPages.none(ctx);
        String typed = Forms.field(ctx, "display_name");
        Optional<String> problem = summaries.rename(AdminGate.session(ctx).actor(), typed);
        if (problem.isPresent()) {
            throw new ReaderFacingError(HttpStatus.UNPROCESSABLE_CONTENT, problem.get());
        }
        ctx.redirect(notices.addTo(ctx, "/admin/articles", "notice", "Name saved: your summaries are signed “" + Text.name(typed)
                + "” from now on."), HttpStatus.SEE_OTHER);
    }

    public void setPolicy(Context ctx) {
        long id = Ids.fromPath(ctx);
        ModerationPolicy policy = Arrays.stream(ModerationPolicy.values())
                .filter(p -> p.dbValue().equals(String.valueOf(ctx.formParam("policy")).toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new ReaderFacingError(HttpStatus.BAD_REQUEST, "Choose one of the listed policies."));
        actions.setPolicy(AdminGate.session(ctx).actor(), id, policy);
        ctx.redirect("/admin/articles", HttpStatus.SEE_OTHER);
    }

    public void lock(Context ctx) {
        setLocked(ctx, true);
    }

    public void unlock(Context ctx) {
        setLocked(ctx, false);
    }

    private void setLocked(Context ctx, boolean locked) {
        long id = Ids.fromPath(ctx);
        jdbi.onDemand(DiscussionRepository.class).findById(id).orElseThrow(NotFoundResponse::new);
        actions.setLocked(AdminGate.session(ctx).actor(), id, locked);
        ctx.redirect("/admin/articles", HttpStatus.SEE_OTHER);
    }
}
