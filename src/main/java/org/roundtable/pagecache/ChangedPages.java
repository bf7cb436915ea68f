package org.roundtable.pagecache;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a POST handler says its change touched, so that only those cached pages go stale: the pages of the
 * articles it names, or none. A successful POST that says nothing made every page stale.
 */
public final class ChangedPages {

    private static final String ATTRIBUTE = "roundtable.changed-pages";
    private static final String COUNTS_ATTRIBUTE = "roundtable.changed-counts";

    private ChangedPages() {}

    /** The change touched the pages of the article {@code slug} (a comment, its status, its discussion). */
    public static void ofArticle(Context ctx, String slug) {
        declared(ctx).add(slug);
    }

    /** The change touched the pages of each of these articles. */
    public static void ofArticles(Context ctx, List<String> slugs) {
        declared(ctx).addAll(slugs);
    }

    /**
     * The change touched only counts on the article {@code slug}'s pages (a "helpful" mark), which may lag a few
     * seconds: its pages go stale soon, once for every change in the meantime.
     */
    public static void countsOfArticle(Context ctx, String slug) {
        declared(ctx);
        Set<String> counts = ctx.attribute(COUNTS_ATTRIBUTE);
        if (counts == null) {
            counts = new TreeSet<>();
            ctx.attribute(COUNTS_ATTRIBUTE, counts);
        }
        counts.add(slug);
    }

    /** The scopes whose pages go stale soon after this successful POST. */
    static Set<String> countsOf(Context ctx) {
        Set<String> counts = ctx.attribute(COUNTS_ATTRIBUTE);
        return counts == null ? Set.of() : counts;
    }

    /** The request changed nothing any reader sees (a preview, a sign-in). */
    public static void none(Context ctx) {
        declared(ctx);
    }

    /** The scopes whose pages are stale after this successful POST. */
    static Set<String> of(Context ctx) {
        Set<String> declared = ctx.attribute(ATTRIBUTE);
        return declared == null ? Set.of(PageCache.EVERY_PAGE) : declared;
    }

    private static Set<String> declared(Context ctx) {
        Set<String> declared = ctx.attribute(ATTRIBUTE);
        if (declared == null) {
            declared = new TreeSet<>();
            ctx.attribute(ATTRIBUTE, declared);
        }
        return declared;
    }
}
