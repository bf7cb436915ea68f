package org.roundtable.summary;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.comment.Ids;
import org.roundtable.rendering.PageDescription;

/** The public history of a proposal's summary: every revision, with its date and who wrote it, each viewable. */
public final class SummaryController {

    private final Jdbi jdbi;
    private final SummaryViews views;

    public SummaryController(Jdbi jdbi, SummaryViews views) {
        this.jdbi = jdbi;
        this.views = views;
    }

    /** A revision in the history's list: its view, and its own address. */
    public record Revision(SummaryView view, String path) {}

    public void history(Context ctx) {
        SummarizedProposal proposal = proposal(ctx);
        List<Revision> revisions = jdbi.onDemand(SummaryRepository.class).history(proposal.discussionId()).stream()
                .map(summary -> new Revision(views.view(summary, proposal.articleSlug(), proposal.key()),
                        SummaryViews.revisionPath(proposal.articleSlug(), proposal.key(), summary.id())))
                .toList();
        ctx.render("summary/history", Map.of("proposal", proposal, "revisions", revisions,
                "description", PageDescription.of("Every version of the moderators' summary of the readers' discussion of "
                        + proposal.label() + ".")));
    }

    public void revision(Context ctx) {
        SummarizedProposal proposal = proposal(ctx);
        Summary summary = Ids.parse(ctx.pathParam("id"))
                .flatMap(id -> jdbi.onDemand(SummaryRepository.class).revision(proposal.discussionId(), id))
                .orElseThrow(NotFoundResponse::new);
        SummaryView view = views.view(summary, proposal.articleSlug(), proposal.key());
        ctx.render("summary/revision", Map.of("proposal", proposal, "summary", view,
                "description", PageDescription.of("The moderators' summary of the readers' discussion of " + proposal.label()
                        + ", as of " + view.updated() + ".")));
    }

    private SummarizedProposal proposal(Context ctx) {
        return jdbi.onDemand(SummaryRepository.class).proposal(ctx.pathParam("slug"), ctx.pathParam("discussion"))
                .orElseThrow(NotFoundResponse::new);
    }
}
