package org.roundtable.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings article files into the database at start-up. An article whose slug is already stored is left
 * alone, so restarting never duplicates an article or its imported comments.
 */
public final class ArticleImporter {

    /** Articles that ship inside the jar. */
    static final List<String> BUNDLED = List.of("articles/iran-pakistan-strategic-alliance.md");

    private static final Logger log = LoggerFactory.getLogger(ArticleImporter.class);

    private final Jdbi jdbi;
    private final ArticleParser parser = new ArticleParser();
    private final Clock clock;

    public ArticleImporter(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void importBundled() {
        for (String resource : BUNDLED) {
            importIfAbsent(parser.parse(readResource(resource), resource));
        }
    }

    /** Imports every {@code *.md} file in {@code folder}, in name order. */
    public void importFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .forEach(this::importFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the articles folder " + folder, e);
        }
    }

    /** Imports one article file; returns true when it was new and has been stored. */
    public boolean importFile(Path file) {
        return importIfAbsent(parser.parse(readFile(file), file.toString()));
    }

    /** Returns true when the article was new and has been stored. */
    public boolean importIfAbsent(ArticleSource article) {
        // Looked up before a write transaction is begun, so that starting on a read-only database works.
        if (jdbi.withExtension(ArticleRepository.class, articles -> articles.exists(article.slug()))) {
            return false;
        }
        // Two instances starting together on one PostgreSQL both get here: the insert lets one in, and the other
        // waits for it and stores nothing.
        boolean imported = jdbi.inTransaction(handle -> handle.attach(ArticleRepository.class)
                .insertIfAbsent(article, article.published(), clock.instant())
                .map(articleId -> store(handle, article, articleId))
                .isPresent());
        if (imported) {
            log.info("Imported article '{}' with {} proposals and {} comments",
                    article.slug(), article.proposals().size(), article.comments().size());
        }
        return imported;
    }

    private long store(Handle handle, ArticleSource article, long articleId) {
        var discussions = handle.attach(DiscussionRepository.class);
        discussions.insert(articleId, Discussion.GENERAL, 0, null, null);
        for (int i = 0; i < article.proposals().size(); i++) {
            ArticleSource.Proposal proposal = article.proposals().get(i);
            discussions.insert(articleId, Discussion.proposalKey(i + 1), i + 1, proposal.title(), proposal.markdown());
        }
        var comments = handle.attach(CommentRepository.class);
        for (ArticleSource.SeedComment comment : article.comments()) {
            long discussionId = discussions.find(articleId, comment.discussionKey())
                    .orElseThrow(() -> new InvalidArticleException(article.slug(),
                            "a comment names the unknown discussion '" + comment.discussionKey() + "'"))
                    .id();
            String author = comment.author().isBlank() ? Comment.ANONYMOUS : comment.author();
            comments.add(discussionId, null, new CommentRepository.NewComment(
                    null, author, comment.body(), CommentStatus.PUBLISHED, null, null, comment.posted(), null));
        }
        return articleId;
    }

    private static String readResource(String resource) {
        try (InputStream in = ArticleImporter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The bundled article " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the article file " + file, e);
        }
    }
}
