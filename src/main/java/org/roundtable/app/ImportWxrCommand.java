package org.roundtable.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.roundtable.db.Database;
import org.roundtable.wxr.WxrException;
import org.roundtable.wxr.WxrImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import-wxr", mixinStandardHelpOptions = true,
        description = "Import the comments of one post of a WordPress export (WXR) into an article's general discussion.")
final class ImportWxrCommand implements Callable<Integer> {

    @ParentCommand
    private RoundtableCommand roundtable;

    @Parameters(paramLabel = "FILE", description = "The WordPress export (.xml).")
    private Path file;

    @Option(names = "--article", paramLabel = "SLUG", description = "The article to import into (needed when there are several).")
    private String article;

    @Option(names = "--post", paramLabel = "ID-or-title", description = "The post whose comments to import; "
            + "by default the one titled like the article.")
    private String post;

    @Override
    public Integer call() {
        var config = roundtable.config();
        try (Database database = Database.open(config.databaseUrl(), config.databaseBusyTimeout())) {
            // As at start-up: the articles must be there before comments can be imported into them.
            App.importArticles(config, database, Clock.systemUTC());
            var result = new WxrImporter(database.jdbi(), Clock.systemUTC())
                    .importComments(file, Optional.ofNullable(article), Optional.ofNullable(post));
            System.out.printf("Imported %d comments of \"%s\" (%d were already here, %d of them converted from the literal "
                            + "HTML an earlier import kept; %d pingbacks/trackbacks skipped).%n",
                    result.imported(), result.postTitle(), result.alreadyThere(), result.converted(), result.pingsSkipped());
            result.shortened().forEach(System.out::println);
            return 0;
        } catch (WxrException | IOException e) {
            System.err.println("Nothing was imported: " + e.getMessage());
            return RoundtableCommand.FAILED;
        }
    }
}
