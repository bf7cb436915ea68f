package org.roundtable.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentStatus;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;
import org.roundtable.security.AddressGate;
import org.roundtable.security.AddressKey;

/** Finding a particular comment in the queue: by its words in any status, narrowed by discussion, author and status. */
@BothEngines
class QueueSearchTest {

    private static final String ADDRESS = "192.0.2.7";

    private Database database;
    private TestContent content;
    private Article article;
    private Comment publishedByAnna;
    private Comment heldByAnna;
    private Comment rejectedByBabak;
    private Comment elsewhere;
    private Comment importedAnna;

    @BeforeEach
    void storeComments(Database database) {
        this.database = database;
        content = new TestContent(database);
        article = content.article("alliance", "A gas pipeline", "A port");
        long anna = content.author();
        publishedByAnna = content.comment(content.proposal(article, 1)).by(anna).named("Anna").saying("The pipeline is too costly.").post();
        heldByAnna = content.comment(content.proposal(article, 2)).by(anna).named("Anna")
                .saying("Pipeline money http://a http://b http://c").held(CommentStatus.HELD, "More than 2 links").post();
        rejectedByBabak = content.comment(content.proposal(article, 1)).named("Babak").saying("The PIPELINE, again!")
                .held(CommentStatus.REJECTED, null).post();
        elsewhere = content.comment(content.general(article)).named("Anna").saying("Nothing about gas here.").post();
        importedAnna = content.comment(content.general(article)).imported().named("anna").saying("An old pipeline comment.").post();
    }

    @Test
    void wordsFindCommentsInEveryStatusNewestFirstAndTheStatusViewNarrowsThem() {
        assertThat(ids(view("filter", "all", "q", "pipeline")))
                .containsExactly(importedAnna.id(), rejectedByBabak.id(), heldByAnna.id(), publishedByAnna.id());
        assertThat(ids(view("filter", "held", "q", "pipeline"))).containsExactly(heldByAnna.id());
        assertThat(ids(view("filter", "rejected", "q", "Pipeline"))).containsExactly(rejectedByBabak.id());
        assertThat(ids(view("filter", "all", "q", "pipeline costly"))).as("every word").containsExactly(publishedByAnna.id());
        assertThat(search(view("filter", "all", "q", "pipeline")).total()).isEqualTo(4);
    }

    @Test
    void discussionAuthorAndCommentFiltersCombineWithTheWords() {
        long proposalOne = content.proposal(article, 1).id();
        assertThat(ids(view("filter", "all", "discussion", String.valueOf(proposalOne))))
                .containsExactly(rejectedByBabak.id(), publishedByAnna.id());
        assertThat(ids(view("filter", "all", "q", "pipeline", "discussion", String.valueOf(proposalOne), "author", "babak")))
                .as("a name, whatever its case").containsExactly(rejectedByBabak.id());
        assertThat(ids(view("filter", "all", "author", "Anna")))
                .containsExactly(importedAnna.id(), elsewhere.id(), heldByAnna.id(), publishedByAnna.id());
        assertThat(ids(view("filter", "all", "author_id", String.valueOf(publishedByAnna.authorId()))))
                .as("one browser's comments, not every Anna's").containsExactly(heldByAnna.id(), publishedByAnna.id());
        assertThat(ids(view("filter", "all", "comment", String.valueOf(heldByAnna.id())))).containsExactly(heldByAnna.id());
        assertThat(search(view("filter", "published", "q", "pipeline", "author", "anna")).total()).isEqualTo(2);
    }

    @Test
    void operatorsAreOnlyCharactersAndWhatCannotBeSearchedIsSaid() {
        assertThat(ids(view("filter", "all", "q", "pipeline OR \"gas\" NEAR(x) -'money' *"))).isEmpty();
        assertThat(search(view("filter", "all", "q", "\"*\" -- ()")).status()).isEqualTo(422);
        assertThat(search(view("filter", "all", "q", "pipeline ".repeat(41))).problem()).contains("at most 200 characters");
        assertThat(search(view("filter", "all", "q", "one two three four five six seven eight nine")).problem()).contains("at most 8 words");
    }

    @Test
    void oneAddressRunsNoMoreSearchesAtOnceThanReadersMay() {
        var gate = AddressGate.refusingBeyond(1);
        try (var busy = gate.enter(AddressKey.of(ADDRESS)).orElseThrow()) {
            var refused = new QueueSearch(database, gate).page(view("filter", "all", "q", "pipeline"), ADDRESS);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(new QueueSearch(database, gate).page(view("filter", "all"), ADDRESS).status())
                    .as("a status view is no search").isEqualTo(200);
        }
    }

    @Test
    void aSearchPagesByCursorAndItsAddressKeepsEverything() {
        var pages = new QueueSearch(database, AddressGate.refusingBeyond(0), 3);
        QueueView searched = view("filter", "all", "q", "pipeline", "author", "anna");
        QueueSearch.Page first = pages.page(searched, ADDRESS);
        assertThat(first.items()).extracting(QueueItem::id).containsExactly(importedAnna.id(), heldByAnna.id(), publishedByAnna.id());
        assertThat(first.older()).isNull();

        var twoAPage = new QueueSearch(database, AddressGate.refusingBeyond(0), 2);
        QueueSearch.Page firstOfTwo = twoAPage.page(searched, ADDRESS);
        QueueView next = QueueView.fromPath(searched.pageAfter(firstOfTwo.older())).orElseThrow();
        assertThat(next.words()).isEqualTo("pipeline");
        assertThat(next.authorName()).isEqualTo("anna");
        assertThat(twoAPage.page(next, ADDRESS).items()).extracting(QueueItem::id).containsExactly(publishedByAnna.id());
        assertThat(QueueView.fromPath(next.path())).hasValue(next);
    }

    private QueueSearch.Page search(QueueView view) {
        return new QueueSearch(database, AddressGate.refusingBeyond(0)).page(view, ADDRESS);
    }

    private List<Long> ids(QueueView view) {
        QueueSearch.Page page = search(view);
        assertThat(page.problem()).isNull();
        return page.items().stream().map(QueueItem::id).toList();
    }

    private static QueueView view(String... namesAndValues) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return QueueView.from(parameters::get);
    }
}
