package org.roundtable.article;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The articles there are, and the one a slug names: what the pages, feeds, search and comment URLs look up. */
public final class Articles {

    private final Jdbi jdbi;

    public Articles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Article> all() {
        return jdbi.onDemand(ArticleRepository.class).listNewestFirst();
    }

    public Optional<Article> article(String slug) {
        return jdbi.onDemand(ArticleRepository.class).findBySlug(slug);
    }
}
