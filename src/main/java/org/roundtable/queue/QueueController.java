package org.roundtable.queue;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.accounts.AdminGate;
import org.roundtable.accounts.AdminNotices;
import org.roundtable.accounts.AdminPages;
import org.roundtable.article.ArticleRepository;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Ids;
import org.roundtable.moderation.ModerationActions;
import org.roundtable.moderation.ModerationActions.Decision;
import org.roundtable.moderation.ReportReason;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.queue.QueueRepository.OpenReport;
import org.roundtable.rendering.Formats;
import org.roundtable.web.Forms;
import org.roundtable.web.ReaderFacingError;
import org.roundtable.web.RetryAfter;

/** The moderation queue and what can be done from it: decide, edit, ban, one comment or many at once. */
public final class QueueController {

    /** Ban lengths offered in the ban form, and {@value #UNTIL_LIFTED}, the one without an end. */
    private static final String UNTIL_LIFTED = "never";
    static final Map<String, Duration> BAN_LENGTHS = Map.of(
            "1d", Duration.ofDays(1), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30), "365d", Duration.ofDays(365));
    /** Each length as the form offers it, for the notice after a ban. */
    private static final Map<String, String> BAN_WORDS = Map.of("1d", "1 day", "7d", "7 days", "30d", "30 days", "365d", "1 year");

    private final Jdbi jdbi;
    private final ModerationActions actions;
    private final Formats formats;
    /** The status line a decision hands to the queue page. */
    private final AdminNotices notices;
    private final QueueSearch search;

    public QueueController(Jdbi jdbi, ModerationActions actions, Formats formats, AdminNotices notices, QueueSearch search) {
        this.jdbi = jdbi;
        this.actions = actions;
        this.formats = formats;
        this.notices = notices;
        this.search = search;
    }

    /** A page of the queue as {@link QueueView} reads it from the address: searched, filtered, paged. */
    public void queue(Context ctx) {
        QueueView view = QueueView.from(ctx::queryParam);
        QueueSearch.Page page = search.page(view, ctx.ip());
        var queue = jdbi.onDemand(QueueRepository.class);
        List<QueueItem> items = page.items();
        Map<Long, List<String>> reasons = items.isEmpty() ? Map.of() : queue.openReports(ids(items)).stream()
                .collect(Collectors.groupingBy(OpenReport::commentId,
                        Collectors.mapping(QueueController::describe, Collectors.toList())));

        var model = AdminPages.model(ctx);
        model.put("view", view);
        model.put("filters", List.of(QueueFilter.values()));
        model.put("discussions", queue.discussions());
        model.put("items", items);
        model.put("pageIds", ids(items).stream().map(String::valueOf).collect(Collectors.joining(",")));
        model.put("reasons", reasons);
        model.put("total", page.total());
        model.put("inEveryStatus", page.inEveryStatus());
        model.put("problem", page.problem());
        model.put("newerPage", page.newer() == null ? null : view.pageBefore(page.newer()));
        model.put("olderPage", page.older() == null ? null : view.pageAfter(page.older()));
        model.put("decisions", List.of(Decision.values()));
        model.put("formats", formats);
        model.put("notice", notices.read(ctx, "notice").orElse(null));
        if (page.status() == 429) {
            RetryAfter.set(ctx, search.retryAfter());
        }
        ctx.status(page.status());
        ctx.render("admin/queue", model);
    }

    public void decide(Context ctx) {
        Decision decision = decision(ctx);
        long id = commentId(ctx);
        if (needsConfirmation(ctx, decision)) {
            confirm(ctx, "/admin/comments/" + id + "/decide", List.of(item(ctx)), null);
            return;
        }
        ChangedPages.ofArticle(ctx, item(ctx).articleSlug());
        Optional<String> problem = actions.decide(AdminGate.session(ctx).actor(), decision, id);
        backToQueue(ctx, problem.orElse("Comment " + id + " " + decision.pastTense() + "."));
    }

    /**
     * Applies a decision to the selected comments, or with "scope=page" to every comment listed in "page_ids":
     * all that a queue page showed (the way to select all that needs no script), or those a confirmation lists.
     */
    public void decideAll(Context ctx) {
        Decision decision = decision(ctx);
        List<String> chosen = "page".equals(ctx.formParam("scope"))
                ? List.of(Forms.field(ctx, "page_ids").split(","))
                : ctx.formParams("ids");
        List<Long> ids = chosen.stream().map(Ids::parse).flatMap(Optional::stream).distinct().toList();
        if (ids.isEmpty()) {
            backToQueue(ctx, "Select at least one comment first.");
            return;
        }
        if (ids.size() > QueueSearch.PAGE_SIZE) {
            // A queue page lists no more; more than that did not come from one, and is refused whole, not cut.
            backToQueue(ctx, "Select at most " + QueueSearch.PAGE_SIZE + " comments at once; nothing was changed.");
            return;
        }
        var queue = jdbi.onDemand(QueueRepository.class);
        List<QueueItem> items = ids.stream().map(queue::find).flatMap(Optional::stream).toList();
        if (needsConfirmation(ctx, decision)) {
            confirm(ctx, "/admin/comments/bulk", items, ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
            return;
        }
        ChangedPages.ofArticles(ctx, items.stream().map(QueueItem::articleSlug).distinct().toList());
        int done = actions.decideAll(AdminGate.session(ctx).actor(), decision, ids);
        int unchanged = ids.size() - done;
        backToQueue(ctx, comments(done) + " " + decision.pastTense() + "."
                + (unchanged == 0 ? "" : " " + comments(unchanged) + " unchanged: already so, gone, or changed by someone else meanwhile."));
    }

    private static String comments(int count) {
        return count == 1 ? "1 comment" : count + " comments";
    }

    public void clearStance(Context ctx) {
        QueueItem item = item(ctx);
        ChangedPages.ofArticle(ctx, item.articleSlug());
        Optional<String> problem = actions.clearStance(AdminGate.session(ctx).actor(), item.id());
        backToQueue(ctx, problem.orElse("Comment " + item.id() + ": stance cleared."));
    }

    /** Where a comment may be moved: the other discussions of its article. */
    public void moveForm(Context ctx) {
        renderMove(ctx, item(ctx), null, 200);
    }

    public void move(Context ctx) {
        QueueItem item = item(ctx);
        ChangedPages.ofArticle(ctx, item.articleSlug());
        Optional<String> problem = actions.move(AdminGate.session(ctx).actor(), item.id(), Forms.field(ctx, "discussion"));
        if (problem.isPresent()) {
            renderMove(ctx, item, problem.get(), 422);
            return;
        }
        backToQueue(ctx, "Comment " + item.id() + " moved, with its replies.");
    }

    private void renderMove(Context ctx, QueueItem item, String error, int status) {
        var model = AdminPages.model(ctx);
        model.put("item", item);
        model.put("targets", jdbi.withHandle(handle -> handle.attach(ArticleRepository.class).findBySlug(item.articleSlug())
                .map(article -> handle.attach(DiscussionRepository.class).forArticle(article.id()))
                .orElseThrow(NotFoundResponse::new).stream()
                .filter(discussion -> !discussion.key().equals(item.discussionKey()))
                .toList()));
        model.put("error", error);
        model.put("back", back(ctx));
        ctx.status(status);
        ctx.render("admin/move", model);
    }

    public void editForm(Context ctx) {
        QueueItem item = item(ctx);
        renderEdit(ctx, item, item.body(), null, 200);
    }

    public void edit(Context ctx) {
        QueueItem item = item(ctx);
        String body = Forms.field(ctx, "body");
        ChangedPages.ofArticle(ctx, item.articleSlug());
        Optional<String> problem = actions.edit(AdminGate.session(ctx).actor(), item.id(), body);
        if (problem.isPresent()) {
            renderEdit(ctx, item, body, problem.get(), 422);
            return;
        }
        backToQueue(ctx, "Comment " + item.id() + " edited.");
    }

    public void banForm(Context ctx) {
        renderBan(ctx, item(ctx), "", "7d", null, 200);
    }

    public void ban(Context ctx) {
        QueueItem item = item(ctx);
        String reason = Forms.field(ctx, "reason");
        String length = Forms.field(ctx, "length");
        if (!UNTIL_LIFTED.equals(length) && !BAN_LENGTHS.containsKey(length)) {
            // Anything but the lengths offered was read as "until lifted": a made-up length must not ban for ever.
            renderBan(ctx, item, reason, "7d", "Choose one of the lengths offered.", 422);
            return;
        }
        Optional<String> problem = actions.banAuthorOf(AdminGate.session(ctx).actor(), item.id(), reason, BAN_LENGTHS.get(length),
                "yes".equals(ctx.formParam("address")));
        if (problem.isPresent()) {
            renderBan(ctx, item, reason, length, problem.get(), 422);
            return;
        }
        backToQueue(ctx, "The author of comment " + item.id() + " is banned"
                + (UNTIL_LIFTED.equals(length) ? " until a moderator lifts it." : " for " + BAN_WORDS.get(length) + ".")
                + " The Bans page lists every ban.");
    }

    /** A decision that cannot be undone waits for a yes: from the script's dialog, or from a page that asks. */
    private static boolean needsConfirmation(Context ctx, Decision decision) {
        return decision.destructive() && !"yes".equals(ctx.formParam("confirmed"));
    }

    /** Asks before deleting {@code items}; {@code ids} lists them for a bulk decision, and is null for one comment. */
    private void confirm(Context ctx, String action, List<QueueItem> items, String ids) {
        var model = AdminPages.model(ctx);
        model.put("action", action);
        model.put("items", items);
        model.put("ids", ids);
        model.put("back", back(ctx));
        model.put("formats", formats);
        ctx.render("admin/confirm-delete", model);
    }

    private void renderEdit(Context ctx, QueueItem item, String body, String error, int status) {
        var model = AdminPages.model(ctx);
        model.put("item", item);
        model.put("body", body);
        model.put("error", error);
        model.put("back", back(ctx));
        ctx.status(status);
        ctx.render("admin/edit", model);
    }

    private void renderBan(Context ctx, QueueItem item, String reason, String length, String error, int status) {
        var model = AdminPages.model(ctx);
        model.put("item", item);
        model.put("reason", reason);
        model.put("length", length);
        model.put("error", error);
        model.put("formats", formats);
        model.put("back", back(ctx));
        ctx.status(status);
        ctx.render("admin/ban", model);
    }

    private void backToQueue(Context ctx, String notice) {
        ctx.redirect(notices.addTo(ctx, back(ctx), "notice", notice), HttpStatus.SEE_OTHER);
    }

    /** Where to return after an action: the queue view it came from, searched and filtered as it was, never anywhere else. */
    static String back(Context ctx) {
        String back = ctx.formParam("back") != null ? ctx.formParam("back") : ctx.queryParam("back");
        return QueueView.fromPath(back).map(QueueView::path).orElse("/admin/queue");
    }

    private QueueItem item(Context ctx) {
        return jdbi.onDemand(QueueRepository.class).find(commentId(ctx)).orElseThrow(NotFoundResponse::new);
    }

    private static long commentId(Context ctx) {
        return Ids.fromPath(ctx);
    }

    private static Decision decision(Context ctx) {
        return Decision.fromValue(Forms.field(ctx, "decision"))
                .orElseThrow(() -> new ReaderFacingError(HttpStatus.BAD_REQUEST, "Choose what to do with the comments."));
    }

    private static List<Long> ids(List<QueueItem> items) {
        return items.stream().map(QueueItem::id).toList();
    }

    private static String describe(OpenReport report) {
        String label = ReportReason.fromValue(report.reason()).map(ReportReason::label).orElse(report.reason());
        return report.details() == null ? label : label + ": " + report.details();
    }
}
