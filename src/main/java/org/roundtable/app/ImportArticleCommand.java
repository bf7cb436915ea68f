package org.roundtable.app;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.roundtable.article.ArticleImporter;
import org.roundtable.article.InvalidArticleException;
import org.roundtable.db.ContentVersion;
import org.roundtable.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import-article", mixinStandardHelpOptions = true,
        description = "Import an article file (Markdown with front matter); an article whose slug exists is left alone.")
final class ImportArticleCommand implements Callable<Integer> {

    @ParentCommand
    private RoundtableCommand roundtable;

    @Parameters(paramLabel = "FILE", description = "The article's Markdown file.")
    private Path file;

    @Override
    public Integer call() {
        var config = roundtable.config();
        try (Database database = Database.open(config.databaseUrl(), config.databaseBusyTimeout())) {
            boolean imported = new ArticleImporter(database.jdbi(), Clock.systemUTC()).importFile(file);
            if (imported) {
                // A running server lists the new article once it sees the version move.
                ContentVersion.bump(database.jdbi());
            }
            System.out.println(imported ? "Imported " + file : "An article with that slug is already here; nothing changed.");
            return 0;
        } catch (InvalidArticleException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            return RoundtableCommand.FAILED;
        }
    }
}
