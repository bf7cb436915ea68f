package org.roundtable.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.ArticlePage.ProposalView;
import org.roundtable.article.ArticlePage.TocEntry;
import org.roundtable.discussion.Comment;
import org.roundtable.discussion.CommentForm;
import org.roundtable.discussion.CommentRepository;
import org.roundtable.discussion.Discussion;
import org.roundtable.discussion.DiscussionRepository;
import org.roundtable.discussion.DiscussionView;
import org.roundtable.discussion.Sort;
import org.roundtable.discussion.ThreadCursor;
import org.roundtable.discussion.ThreadPages;
import org.roundtable.discussion.Threads;
import org.roundtable.discussion.Viewer;

/** Reads an article with its discussions and assembles the page. */
public final class ArticlePages {

    private final Jdbi jdbi;
    private final Threads threads;
    private final ArticleMarkdown markdown = new ArticleMarkdown();
    private final ThreadPages threadPages = new ThreadPages();

    public ArticlePages(Jdbi jdbi, Threads threads) {
        this.jdbi = jdbi;
        this.threads = threads;
    }

    public List<Article> all() {
        return jdbi.onDemand(ArticleRepository.class).listNewestFirst();
    }

    public Optional<Article> article(String slug) {
        return jdbi.onDemand(ArticleRepository.class).findBySlug(slug);
    }

    /**
     * The article page as {@code viewer} sees it: each discussion with its first page of threads.
     * {@code typed} is a refused post to show again in its form, or null.
     */
    public Optional<ArticlePage> find(String slug, Sort sort, Viewer viewer, CommentForm typed) {
        // No transaction: SQLite's transactions here take the write lock, and reading must go on while writes cannot.
        return jdbi.withHandle(handle -> handle.attach(ArticleRepository.class).findBySlug(slug).map(article -> {
            List<Discussion> discussions = handle.attach(DiscussionRepository.class).forArticle(article.id());
            return page(article, discussions, discussion ->
                    view(handle, article, discussion, sort, ThreadCursor.start(sort), viewer, typed));
        }));
    }

    /** One discussion's own page, starting at {@code from}; empty if there is no such article or discussion. */
    public Optional<DiscussionPage> discussion(String slug, String key, Sort sort, ThreadCursor from, Viewer viewer,
                                               CommentForm typed) {
        return jdbi.withHandle(handle -> handle.attach(ArticleRepository.class).findBySlug(slug).flatMap(article ->
                handle.attach(DiscussionRepository.class).find(article.id(), key).map(discussion -> new DiscussionPage(
                        article,
                        discussion.isGeneral() ? null : markdown.toHtml(discussion.bodyMarkdown()),
                        view(handle, article, discussion, sort, from, viewer, typed),
                        from.id() != ThreadCursor.start(sort).id()))));
    }

    private DiscussionView view(Handle handle, Article article, Discussion discussion, Sort sort, ThreadCursor from,
                                Viewer viewer, CommentForm typed) {
        ThreadPages.Page page = threadPages.read(handle, discussion.id(), viewer.authorId(), sort, from);
        return new DiscussionView(
                discussion,
                threads.discussion(page.comments(), sort, article.slug(), viewer),
                typed != null && typed.isFor(discussion.key(), null) ? typed : CommentForm.blank(discussion.key(), null),
                sort,
                page.next());
    }

    private ArticlePage page(Article article, List<Discussion> discussions, Function<Discussion, DiscussionView> views) {
        DiscussionView general = null;
        var proposals = new ArrayList<ProposalView>();
        for (Discussion discussion : discussions) {
            var view = views.apply(discussion);
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
                .map(p -> new TocEntry("#" + p.anchor(), p.title(),
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
