package org.roundtable.posting;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.roundtable.antispam.SpamScreen;
import org.roundtable.article.Article;
import org.roundtable.comment.Sort;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.threads.CommentForm;
import org.roundtable.web.Forms;
import org.roundtable.web.RetryAfter;

/**
 * Posting and replying. Works without JavaScript: success is a 303 to where the comment can be seen; a refusal
 * shows the form again, as typed, with the reason, on the page it was sent from; so does a preview. The handler reads
 * the form and who sent it, asks the {@link PostingRules}, and gives what they planned to the {@link CommentStore}.
 */
public final class PostingController {

    private final Posters posters;
    private final PostingRules rules;
    private final CommentStore store;
    private final CommentPlacement placement;
    private final TypedForms typedForms;

    public PostingController(Posters posters, PostingRules rules, CommentStore store, CommentPlacement placement,
                             TypedForms typedForms) {
        this.posters = posters;
        this.rules = rules;
        this.store = store;
        this.placement = placement;
        this.typedForms = typedForms;
    }

    public void post(Context ctx) {
        Posters.SentPost sent = posters.post(ctx);
        if (CommentPreviews.asked(ctx)) {
            ChangedPages.none(ctx);
            typedForms.showPreviewed(ctx, sent);
            return;
        }
        Article article = sent.article();
        CommentForm form = sent.form();
        ChangedPages.ofArticle(ctx, article.slug());
        Outcome checked = rules.post(article, form, sent.poster(), Forms.field(ctx, SpamScreen.HONEYPOT));
        Outcome outcome = checked instanceof Outcome.Planned plan ? store.save(ctx, plan, sent.poster().known()) : checked;
        if (outcome instanceof Outcome.Posted posted) {
            Optional<Sort> pageOrder = form.sentFromDiscussionPage() ? Optional.of(Sort.fromParam(form.sort())) : Optional.empty();
            ctx.redirect(placement.whereToSee(article.slug(), posted.comment(), pageOrder), HttpStatus.SEE_OTHER);
        } else {
            var refused = (Outcome.Refused) outcome;
            RetryAfter.set(ctx, refused.retryAfter());
            typedForms.showAgain(ctx, article, form.refused(refused.reason()), refused.status());
        }
    }
}
