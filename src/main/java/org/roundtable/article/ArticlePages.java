package org.roundtable.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.ArticlePage.ProposalView;
import org.roundtable.article.ArticlePage.TocEntry;
import org.roundtable.discussion.CommentForm;
import org.roundtable.discussion.CommentRepository;
import org.roundtable.discussion.CommentView;
import org.roundtable.discussion.Discussion;
import org.roundtable.discussion.DiscussionRepository;
import org.roundtable.discussion.DiscussionView;
import org.roundtable.discussion.Sort;
import org.roundtable.discussion.ThreadCursor;
import org.roundtable.discussion.ThreadPages;
import org.roundtable.discussion.ThreadHtml;
import org.roundtable.discussion.Threads;
import org.roundtable.discussion.Viewer;

/** Reads an article with its discussions and assembles the page. */
public final class ArticlePages {

    private final Jdbi jdbi;
    private final Threads threads;
    private final ArticleMarkdown markdown = new ArticleMarkdown();
    private final ThreadPages threadPages;

    public ArticlePages(Jdbi jdbi, Threads threads, ThreadPages threadPages) {
        this.jdbi = jdbi;
        this.threads = threads;
        this.threadPages = threadPages;
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
        // Reading happens first, and quickly, so a connection is not held while Markdown is rendered. No
        // transaction: SQLite's transactions here take the write lock, and reading must go on while writes cannot.
        Optional<Loaded> loaded = jdbi.withHandle(handle -> handle.attach(ArticleRepository.class).findBySlug(slug)
                .map(article -> {
                    Map<Discussion, ThreadPages.Page> pages = new LinkedHashMap<>();
                    // Attached once: attaching costs about as much as reading a page of comments.
                    var comments = handle.attach(CommentRepository.class);
                    for (Discussion discussion : handle.attach(DiscussionRepository.class).forArticle(article.id())) {
                        pages.put(discussion, threadPages.read(comments, discussion.id(), viewer.authorId(), sort,
                                ThreadCursor.start(sort)));
                    }
                    return new Loaded(article, pages);
                }));
        return loaded.map(data -> page(data.article(), List.copyOf(data.pages().keySet()), discussion ->
                view(data.article(), discussion, data.pages().get(discussion), sort, viewer, typed)));
    }

    /** One discussion's own page, starting at {@code from}; empty if there is no such article or discussion. */
    public Optional<DiscussionPage> discussion(String slug, String key, Sort sort, ThreadCursor from, Viewer viewer,
                                               CommentForm typed) {
        Optional<Loaded> loaded = jdbi.withHandle(handle -> handle.attach(ArticleRepository.class).findBySlug(slug)
                .flatMap(article -> handle.attach(DiscussionRepository.class).find(article.id(), key)
                        .map(discussion -> new Loaded(article, Map.of(discussion,
                                threadPages.read(handle.attach(CommentRepository.class), discussion.id(),
                                        viewer.authorId(), sort, from))))));
        return loaded.map(data -> {
            var entry = data.pages().entrySet().iterator().next();
            Discussion discussion = entry.getKey();
            return new DiscussionPage(
                    data.article(),
                    discussion.isGeneral() ? null : markdown.toHtml(discussion.bodyMarkdown()),
                    view(data.article(), discussion, entry.getValue(), sort, viewer, typed),
                    from.id() != ThreadCursor.start(sort).id());
        });
    }

    /** What one visit reads from the database: the article and a page of threads per discussion shown. */
    private record Loaded(Article article, Map<Discussion, ThreadPages.Page> pages) {}

    private DiscussionView view(Article article, Discussion discussion, ThreadPages.Page page, Sort sort, Viewer viewer,
                                CommentForm typed) {
        List<CommentView> views = threads.discussion(page.comments(), page.html(), sort, article.slug(), viewer);
        return new DiscussionView(
                discussion,
                views,
                new ThreadHtml(views, viewer.formToken(), !discussion.locked()),
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
                        p.discussion().note(), List.of()))
                .toList();
        var entries = new ArrayList<TocEntry>();
        for (ArticleMarkdown.Section section : markdown.sections(article.leadMarkdown())) {
            boolean holdsProposals = section.title().equalsIgnoreCase(ArticleParser.PROPOSALS_HEADING);
            entries.add(new TocEntry("#" + section.id(), section.title(), null,
                    holdsProposals ? proposalEntries : List.of()));
        }
        entries.add(new TocEntry("#" + general.anchor(), "Discussion", general.note(), List.of()));
        return entries;
    }
}
