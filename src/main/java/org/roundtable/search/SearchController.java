package org.roundtable.search;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.roundtable.article.Article;
import org.roundtable.article.Articles;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.SearchWords;
import org.roundtable.comment.Text;
import org.roundtable.db.Database;
import org.roundtable.db.FullText;
import org.roundtable.db.TooSlow;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.rendering.Formats;
import org.roundtable.rendering.PageDescription;
import org.roundtable.security.AddressGate;
import org.roundtable.security.AddressKey;
import org.roundtable.web.RetryAfter;

/**
 * {@code /articles/{slug}/search?q=…}: the comments readers can see that hold every word searched for, newest
 * first, a page at a time, with the words found marked. A plain GET form, so it works without JavaScript. What a
 * reader types is reduced to its words (see SearchWords): operators and quotes are only characters, never syntax.
 * Each search is bounded: a few words, a few pages, and a time limit.
 */
public final class SearchController {

    static final int PER_PAGE = 20;
    static final int LAST_PAGE = 50;
    /** The limits every search keeps to, the queue's too (QueueSearch). */
    public static final int LONGEST_QUERY = 200;
    public static final int MOST_WORDS = 8;
    public static final Duration TIME_LIMIT = Duration.ofSeconds(2);
    /** Matches are counted as far as the pages reach: a word nearly every comment holds costs no more than that. */
    static final int MOST_COUNTED = PER_PAGE * LAST_PAGE;

    private final Articles articles;
    private final Database database;
    private final CommentMarkdown markdown;
    private final Formats formats;
    private final AddressGate perAddress;

    /** {@code perAddress}: how many searches one address may have under way at once (SEARCH_MAX_PER_ADDRESS). */
    public SearchController(Articles articles, Database database, CommentMarkdown markdown, Formats formats,
                            AddressGate perAddress) {
        this.articles = articles;
        this.database = database;
        this.markdown = markdown;
        this.formats = formats;
        this.perAddress = perAddress;
    }

    public void search(Context ctx) {
        Article article = articles.article(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        // Echoed in the page's title and its search box: a direction control there would reorder the tab's title
        // (a link anyone can share), and a character XML forbids would break the page. Neither is searched for.
        String query = Text.withoutForbiddenCharacters(Text.withoutDirectionControls(
                Optional.ofNullable(ctx.queryParam("q")).orElse(""))).strip();
        int page = page(ctx.queryParam("page"));
        var model = new HashMap<String, Object>();
        model.put("article", article);
        model.put("description", PageDescription.of("Search the readers' comments on \u201C" + article.title() + "\u201D."));
        model.put("query", query);
        model.put("page", page);
        model.put("results", List.of());
        Set<String> words = new LinkedHashSet<>(SearchWords.words(query));
        String problem = query.isEmpty() ? null
                : query.length() > LONGEST_QUERY ? "Please search for at most " + LONGEST_QUERY + " characters."
                : words.isEmpty() ? "Search for words: there are no letters or digits in what you typed."
                : words.size() > MOST_WORDS ? "Please search for at most " + MOST_WORDS + " words."
                : null;
        if (problem != null || query.isEmpty()) {
            model.put("message", problem);
            ctx.status(problem == null ? 200 : 422).render("search/search", model);
            return;
        }
        Optional<AddressGate.Permit> turn = perAddress.enter(AddressKey.of(ctx.ip()));
        if (turn.isEmpty()) {
            model.put("message", "Searches you started are still running. Please wait a moment, then search again.");
            RetryAfter.set(ctx, perAddress.retryAfter());
            ctx.status(429).render("search/search", model);
            return;
        }
        try (AddressGate.Permit searching = turn.get()) {
            Matches matches = find(article, words, page);
            List<SearchRepository.Found> found = matches.page();
            model.put("matches", matches.count() == 0 ? null : matchesLabel(matches.count()));
            model.put("results", found.stream().limit(PER_PAGE).map(comment -> result(article, comment, words)).toList());
            model.put("nextPage", found.size() > PER_PAGE && page < LAST_PAGE ? pagePath(article, query, page + 1) : null);
            model.put("previousPage", page > 1 ? pagePath(article, query, page - 1) : null);
            model.put("message", found.isEmpty() ? (page == 1 ? "No comment holds all of these words." : "No more comments hold these words.") : null);
        } catch (TooSlow e) {
            model.put("message", "That search took too long. Please add a word that fewer comments share.");
            ctx.status(503);
        }
        ctx.render("search/search", model);
    }

    /** A page of the comments found (and one more, if there is one), and how many match ({@link #MOST_COUNTED} at most). */
    private record Matches(List<SearchRepository.Found> page, int count) {}

    private Matches find(Article article, Set<String> words, int page) {
        FullText fullText = database.fullText();
        String terms = fullText.terms().apply(List.copyOf(words));
        return database.withinTime(TIME_LIMIT, handle -> {
            var search = handle.attach(SearchRepository.class);
            List<SearchRepository.Found> found = search.find(fullText.fromSql(), fullText.matchSql(),
                    fullText.newestFirstSql(), terms, article.id(), PER_PAGE + 1, (page - 1) * PER_PAGE);
            // A first page that holds them all has counted them already.
            int count = page == 1 && found.size() <= PER_PAGE ? found.size()
                    : search.count(fullText.fromSql(), fullText.matchSql(), terms, article.id(), MOST_COUNTED + 1);
            return new Matches(found, count);
        });
    }

    /** "1 comment matches", "12 comments match", or past what the pages reach, that there are more. */
    static String matchesLabel(int count) {
        if (count > MOST_COUNTED) {
            return String.format(Locale.ENGLISH, "More than %,d comments match: add a word to find fewer.", MOST_COUNTED);
        }
        // The number and its noun never part at the end of a line.
        return count == 1 ? "1\u00A0comment matches." : String.format(Locale.ENGLISH, "%,d\u00A0comments match.", count);
    }

    private SearchResult result(Article article, SearchRepository.Found comment, Set<String> words) {
        return new SearchResult(CommentPaths.comment(article.slug(), comment.id()), comment.authorName(),
                Discussion.label(comment.position(), comment.title()), Formats.iso(comment.createdAt()),
                formats.readable(comment.createdAt()), Excerpts.of(markdown.plainText(comment.body()), words));
    }

    static String pagePath(Article article, String query, int page) {
        return CommentPaths.search(article.slug(), query) + (page > 1 ? "&page=" + page : "");
    }

    private static int page(String value) {
        return value != null && value.matches("[1-9][0-9]{0,2}") ? Math.min(Integer.parseInt(value), LAST_PAGE) : 1;
    }
}
