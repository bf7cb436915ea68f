package org.roundtable.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.ArticlePage.ProposalView;
import org.roundtable.article.ArticlePage.TocEntry;
import org.roundtable.discussion.Comment;
import org.roundtable.discussion.CommentRepository;
import org.roundtable.discussion.Discussion;
import org.roundtable.discussion.DiscussionRepository;
import org.roundtable.discussion.DiscussionView;
import org.roundtable.discussion.Threads;

/** Reads an article with its discussions and assembles the page. */
public final class ArticlePages {

    private final Jdbi jdbi;
    private final Threads threads;
    private final ArticleMarkdown markdown = new ArticleMarkdown();

    public ArticlePages(Jdbi jdbi, Threads threads) {
        this.jdbi = jdbi;
        this.threads = threads;
    }

    public List<Article> all() {
        return jdbi.onDemand(ArticleRepository.class).listNewestFirst();
    }

    public Optional<ArticlePage> find(String slug) {
        return jdbi.inTransaction(handle -> handle.attach(ArticleRepository.class).findBySlug(slug).map(article -> {
            List<Discussion> discussions = handle.attach(DiscussionRepository.class).forArticle(article.id());
            Map<Long, List<Comment>> comments = handle.attach(CommentRepository.class)
                    .publishedForArticle(article.id()).stream()
                    .collect(Collectors.groupingBy(Comment::discussionId));
            return page(article, discussions, comments);
        }));
    }

    private ArticlePage page(Article article, List<Discussion> discussions, Map<Long, List<Comment>> comments) {
        DiscussionView general = null;
        var proposals = new ArrayList<ProposalView>();
        for (Discussion discussion : discussions) {
            var view = new DiscussionView(discussion, threads.assemble(comments.getOrDefault(discussion.id(), List.of())));
            if (discussion.isGeneral()) {
                general = view;
            } else {
                proposals.add(new ProposalView(
                        discussion.position(), discussion.title(), markdown.toHtml(discussion.bodyMarkdown()), view));
            }
        }
        return new ArticlePage(
                article,
                markdown.toHtml(article.leadMarkdown()),
                contents(article, proposals, general),
                proposals,
                markdown.toHtml(article.closingMarkdown()),
                general);
    }

    /** The article's sections, the proposals nested under "Proposed solutions", then the general discussion. */
    private List<TocEntry> contents(Article article, List<ProposalView> proposals, DiscussionView general) {
        List<TocEntry> proposalEntries = proposals.stream()
                .map(p -> new TocEntry("#" + p.anchor(), p.number() + ". " + p.title(),
                        p.discussion().countLabel(), List.of()))
                .toList();
        var entries = new ArrayList<TocEntry>();
        for (ArticleMarkdown.Section section : markdown.sections(article.leadMarkdown())) {
            boolean holdsProposals = section.title().equalsIgnoreCase(ArticleParser.PROPOSALS_HEADING);
            entries.add(new TocEntry("#" + section.id(), section.title(), null,
                    holdsProposals ? proposalEntries : List.of()));
        }
        entries.add(new TocEntry("#" + general.anchor(), "Discussion", general.countLabel(), List.of()));
        return entries;
    }
}
