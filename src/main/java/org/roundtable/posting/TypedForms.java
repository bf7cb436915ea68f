package org.roundtable.posting;

import io.javalin.http.Context;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.Article;
import org.roundtable.articlepage.ArticleController;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Ids;
import org.roundtable.comment.Sort;
import org.roundtable.comment.Visibility;
import org.roundtable.posting.CommentPreviews.Preview;
import org.roundtable.posting.Posters.SentPost;
import org.roundtable.threads.CommentForm;
import org.roundtable.threads.CommentPages;
import org.roundtable.threads.DiscussionRequest;

/**
 * Shows a post again as it was typed, on the page it was sent from: refused, with the reason, or previewed, with
 * the comment as it would look.
 */
public final class TypedForms {

    private final ArticleController articlePage;
    private final CommentPages commentPages;
    private final CommentPreviews previews;
    private final Jdbi jdbi;

    public TypedForms(ArticleController articlePage, CommentPages commentPages, CommentPreviews previews, Jdbi jdbi) {
        this.articlePage = articlePage;
        this.commentPages = commentPages;
        this.previews = previews;
        this.jdbi = jdbi;
    }

    /** The page the form was sent from, again, with what was typed and its preview or why there is none. */
    public void showPreviewed(Context ctx, SentPost sent) {
        Preview preview = previews.ofPost(ctx, sent);
        if (preview instanceof Preview.Shown shown) {
            showAgain(ctx, sent.article(), sent.form().previewed(shown.html()), 200);
        } else if (preview instanceof Preview.Refused refused) {
            showAgain(ctx, sent.article(), sent.form().refused(refused.reason()), refused.status());
        }
    }

    /**
     * A reply goes back to the page of the comment it answers; a new comment to the discussion page or the
     * article it was written on; anything unplaceable to the article's general discussion.
     */
    public void showAgain(Context ctx, Article article, CommentForm typed, int status) {
        ctx.status(status);
        Optional<Comment> parent = Ids.parse(typed.parentId())
                .flatMap(id -> jdbi.onDemand(CommentRepository.class).findInArticle(id, article.id()))
                .filter(comment -> Visibility.shownToReaders(comment.status()));
        if (typed.isReply() && parent.isPresent()) {
            commentPages.render(ctx, article, parent.get(), typed);
            return;
        }
        boolean knownDiscussion = jdbi.onDemand(DiscussionRepository.class).find(article.id(), typed.discussionKey()).isPresent();
        CommentForm topLevel = knownDiscussion ? typed.asTopLevel() : typed.asTopLevel().inDiscussion(Discussion.GENERAL);
        if (topLevel.sentFromDiscussionPage()) {
            articlePage.renderDiscussion(ctx, article.slug(), topLevel.discussionKey(),
                    DiscussionRequest.firstPage(Sort.fromParam(topLevel.sort())), topLevel);
        } else {
            articlePage.render(ctx, article.slug(), topLevel);
        }
    }
}
