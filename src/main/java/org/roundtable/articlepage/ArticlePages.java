package org.roundtable.articlepage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.Article;
import org.roundtable.article.ArticleParser;
import org.roundtable.article.ArticleRepository;
import org.roundtable.articlepage.ArticlePage.ProposalView;
import org.roundtable.articlepage.ArticlePage.TocEntry;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Sort;
import org.roundtable.comment.Stance;
import org.roundtable.comment.ThreadCursor;
import org.roundtable.rendering.PageDescription;
import org.roundtable.summary.Summary;
import org.roundtable.summary.SummaryRepository;
import org.roundtable.summary.SummaryView;
import org.roundtable.summary.SummaryViews;
import org.roundtable.threads.CommentForm;
import org.roundtable.threads.DiscussionRequest;
import org.roundtable.threads.DiscussionView;
import org.roundtable.threads.PageLinks;
import org.roundtable.threads.Pagination;
import org.roundtable.threads.ThreadHtml;
import org.roundtable.threads.ThreadPages;
import org.roundtable.threads.ThreadRepository;
import org.roundtable.threads.Threads;
import org.roundtable.viewer.CommentView;
import org.roundtable.viewer.Viewer;

/** Reads an article with its discussions and assembles the page. */
public final class ArticlePages {

    private final Jdbi jdbi;
    private final Threads threads;
    private final ArticleMarkdown markdown = new ArticleMarkdown();
    private final ThreadPages threadPages;
    private final SummaryViews summaries;

    public ArticlePages(Jdbi jdbi, Threads threads, ThreadPages threadPages, SummaryViews summaries) {
        this.jdbi = jdbi;
        this.threads = threads;
        this.threadPages = threadPages;
        this.summaries = summaries;
    }

    /**
     * The article page as {@code viewer} sees it: the start of each discussion, oldest threads first; a short
     * preview under each proposal, the first page of the general discussion after the article, as its comment
     * section always was. {@code typed} is a refused post to show again in its form, or null.
     */
    public Optional<ArticlePage> find(String slug, Viewer viewer, CommentForm typed) {
        // Reading happens first, and quickly, so a connection is not held while Markdown is rendered. No
        // transaction: SQLite's transactions here take the write lock, and reading must go on while writes cannot.
        Optional<Loaded> loaded = jdbi.withHandle(handle -> handle.attach(ArticleRepository.class).findBySlug(slug)
                .map(article -> {
                    Map<Discussion, ThreadPages.Page> pages = new LinkedHashMap<>();
                    // Attached once: attaching costs about as much as reading a page of comments.
                    var comments = handle.attach(ThreadRepository.class);
                    for (Discussion discussion : handle.attach(DiscussionRepository.class).forArticle(article.id())) {
                        int threads = discussion.isGeneral() ? ThreadPages.THREADS_PER_PAGE : ThreadPages.PREVIEW_THREADS;
                        pages.put(discussion, threadPages.read(comments, discussion.id(), viewer.authorId(), Sort.OLDEST,
                                ThreadCursor.start(Sort.OLDEST), null, threads));
                    }
                    return new Loaded(article, pages, null, null, currentSummaries(handle, article));
                }));
        return loaded.map(data -> page(data.article(), List.copyOf(data.pages().keySet()), discussion ->
                view(data.article(), discussion, data.pages().get(discussion), Sort.OLDEST, null, viewer, typed, null,
                        discussion.isGeneral() ? ThreadHtml.Shape.REPLIES_LINKED : ThreadHtml.Shape.PREVIEW), data.summaries()));
    }

    /** What search engines show under the article's title: its standfirst, the lead's first paragraph. */
    public String description(Article article) {
        return PageDescription.of(markdown.standfirst(article.leadMarkdown()));
    }

    /** The page of one discussion the reader asked for; empty if there is no such article or discussion. */
    public Optional<DiscussionPage> discussion(String slug, String key, DiscussionRequest request, Viewer viewer,
                                               CommentForm typed) {
        Sort sort = request.sort();
        // A filter by stance means nothing in the general discussion, where comments carry none.
        Stance stance = Discussion.GENERAL.equals(key) ? null : request.stance();
        Optional<Loaded> loaded = jdbi.withHandle(handle -> handle.attach(ArticleRepository.class).findBySlug(slug)
                .flatMap(article -> handle.attach(DiscussionRepository.class).find(article.id(), key)
                        .map(discussion -> {
                            var comments = handle.attach(ThreadRepository.class);
                            var page = threadPages.read(comments, discussion.id(), viewer.authorId(), sort, request.from(), stance);
                            var links = new PageLinks(comments, discussion, viewer.authorId(), sort, stance)
                                    .around(request.from(), request.number(), page.next(), CommentPaths.discussion(slug, key));
                            Integer shown = stance == null ? null : comments.countShownInThreads(
                                    ThreadRepository.stanceFilter(stance), discussion.id(), viewer.authorId());
                            return new Loaded(article, Map.of(discussion, page), links, shown, currentSummaries(handle, article));
                        })));
        return loaded.map(data -> {
            var entry = data.pages().entrySet().iterator().next();
            Discussion discussion = entry.getKey();
            return new DiscussionPage(
                    data.article(),
                    discussion.isGeneral() ? null : markdown.toHtml(discussion.bodyMarkdown()),
                    summary(data, discussion),
                    view(data.article(), discussion, entry.getValue(), sort, stance, viewer, typed, data.pagination(),
                            ThreadHtml.Shape.FULL),
                    data.shownCount());
        });
    }

    /**
     * What one visit reads from the database: the article, a page of threads per discussion shown, page links,
     * the comments in the threads of the stance shown (null when all are), the current summary of each proposal that
     * has one (by discussion id).
     */
    private record Loaded(Article article, Map<Discussion, ThreadPages.Page> pages, Pagination pagination,
                          Integer shownCount, Map<Long, Summary> summaries) {}

    private static Map<Long, Summary> currentSummaries(Handle handle, Article article) {
        return handle.attach(SummaryRepository.class).currentForArticle(article.id()).stream()
                .collect(Collectors.toMap(Summary::discussionId, summary -> summary));
    }

    private SummaryView summary(Loaded data, Discussion discussion) {
        Summary summary = data.summaries().get(discussion.id());
        return summary == null ? null : summaries.view(summary, data.article().slug(), discussion.key());
    }

    private DiscussionView view(Article article, Discussion discussion, ThreadPages.Page page, Sort sort, Stance stance,
                                Viewer viewer, CommentForm typed, Pagination pagination, ThreadHtml.Shape shape) {
        List<CommentView> views = threads.discussion(page.comments(), page.html(), sort, article.slug(), viewer);
        CommentForm blank = CommentForm.blank(discussion.key(), null);
        return new DiscussionView(
                discussion,
                views,
                new ThreadHtml(views, viewer, !discussion.locked(), shape, CommentPaths.discussion(article.slug(), discussion.key())),
                typed != null && typed.isFor(discussion.key(), null) ? typed
                        : pagination == null ? blank : blank.fromDiscussionPage(sort),
                sort,
                stance,
                page.next(),
                pagination);
    }

    private ArticlePage page(Article article, List<Discussion> discussions, Function<Discussion, DiscussionView> views,
                             Map<Long, Summary> current) {
        DiscussionView general = null;
        var proposals = new ArrayList<ProposalView>();
        for (Discussion discussion : discussions) {
            var view = views.apply(discussion);
            if (discussion.isGeneral()) {
                general = view;
            } else {
                Summary summary = current.get(discussion.id());
                proposals.add(new ProposalView(discussion.position(), discussion.title(), markdown.toHtml(discussion.bodyMarkdown()),
                        view, summary == null ? null : summaries.view(summary, article.slug(), discussion.key())));
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
        var proposalEntries = new ArrayList<TocEntry>();
        for (ProposalView p : proposals) {
            proposalEntries.add(new TocEntry("#" + p.anchor(), p.title(), p.discussion().note(), p.discussion().tally(),
                    p.discussion(), List.of()));
        }
        var entries = new ArrayList<TocEntry>();
        for (ArticleMarkdown.Section section : markdown.sections(article.leadMarkdown())) {
            boolean holdsProposals = section.title().equalsIgnoreCase(ArticleParser.PROPOSALS_HEADING);
            entries.add(new TocEntry("#" + section.id(), section.title(), null, null, null,
                    holdsProposals ? proposalEntries : List.of()));
        }
        entries.add(new TocEntry("#" + general.anchor(), "Discussion", general.note(), null, general, List.of()));
        return entries;
    }
}
