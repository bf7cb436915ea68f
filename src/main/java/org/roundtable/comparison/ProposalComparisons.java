package org.roundtable.comparison;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.Article;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Stance;
import org.roundtable.comment.Text;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.rendering.Formats;
import org.roundtable.summary.Summary;
import org.roundtable.summary.SummaryRepository;
import org.roundtable.summary.SummaryViews;

/**
 * The proposals of an article compared: where readers stand on each, how many took part, the strongest argument for
 * and against (the thread of that stance most people took part in), the moderators' summary, and when each
 * discussion last moved.
 */
public final class ProposalComparisons {

    private static final int EXCERPT_LENGTH = 220;

    private final Jdbi jdbi;
    private final CommentMarkdown markdown;
    private final Formats formats;
    private final SummaryViews summaries;

    public ProposalComparisons(Jdbi jdbi, CommentMarkdown markdown, Formats formats, SummaryViews summaries) {
        this.jdbi = jdbi;
        this.markdown = markdown;
        this.formats = formats;
        this.summaries = summaries;
    }

    /** Each proposal of {@code article}, in the article's order. */
    public List<ProposalComparison> of(Article article) {
        return jdbi.withHandle(handle -> proposals(handle, article));
    }

    private List<ProposalComparison> proposals(Handle handle, Article article) {
        var comparison = handle.attach(ComparisonRepository.class);
        Map<Long, Summary> current = handle.attach(SummaryRepository.class).currentForArticle(article.id()).stream()
                .collect(Collectors.toMap(Summary::discussionId, summary -> summary));
        return handle.attach(DiscussionRepository.class).forArticle(article.id()).stream()
                .filter(discussion -> !discussion.isGeneral())
                .map(discussion -> compare(comparison, article, discussion, current.get(discussion.id())))
                .toList();
    }

    private ProposalComparison compare(ComparisonRepository comparison, Article article, Discussion discussion,
                                       Summary summary) {
        var last = comparison.lastActivity(discussion.id());
        return new ProposalComparison(
                discussion.position(),
                discussion.title(),
                CommentPaths.article(article.slug()) + "#" + discussion.key(),
                CommentPaths.discussion(article.slug(), discussion.key()),
                discussion.tally(),
                comparison.participants(discussion.id()),
                argument(comparison, article, discussion, Stance.FOR),
                argument(comparison, article, discussion, Stance.AGAINST),
                summary == null ? null : summaries.view(summary, article.slug(), discussion.key()),
                last.map(Formats::iso).orElse(null),
                last.map(formats::readable).orElse("No comments yet"));
    }

    private ProposalComparison.Argument argument(ComparisonRepository comparison, Article article, Discussion discussion,
                                                 Stance stance) {
        return comparison.strongest(discussion.id(), stance.value())
                .map(found -> new ProposalComparison.Argument(found.authorName(),
                        Text.excerpt(CommentMarkdown.textOf(markdown.toHtml(found.body())), EXCERPT_LENGTH),
                        found.people(), found.helpful(), found.replies(), CommentPaths.comment(article.slug(), found.id())))
                .orElse(null);
    }
}
