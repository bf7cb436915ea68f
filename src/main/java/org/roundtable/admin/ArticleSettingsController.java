package org.roundtable.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.ArticleRepository;
import org.roundtable.discussion.DiscussionRepository;
import org.roundtable.discussion.Ids;
import org.roundtable.moderation.ModerationActions;
import org.roundtable.moderation.ModerationPolicy;
import org.roundtable.web.ReaderFacingError;

/** Per article: the moderation policy, and which of its discussions are locked. */
public final class ArticleSettingsController {

    private final Jdbi jdbi;
    private final ModerationActions actions;

    public ArticleSettingsController(Jdbi jdbi, ModerationActions actions) {
        this.jdbi = jdbi;
        this.actions = actions;
    }

    /** An article with its discussions, as the settings page lists them. */
    public record ArticleSettings(org.roundtable.article.Article article, List<org.roundtable.discussion.Discussion> discussions) {}

    public void list(Context ctx) {
        var model = AdminPages.model(ctx);
        model.put("articles", jdbi.withHandle(handle -> handle.attach(ArticleRepository.class).listNewestFirst().stream()
                .map(article -> new ArticleSettings(article, handle.attach(DiscussionRepository.class).forArticle(article.id())))
                .toList()));
        model.put("policies", List.of(ModerationPolicy.values()));
        ctx.render("admin/articles", model);
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
