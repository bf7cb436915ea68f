package org.roundtable.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.article.Article;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class DiscussionRepositoryTest {

    private TestContent content;
    private DiscussionRepository discussions;
    private Article article;

    @BeforeEach
    void storeAnArticle(Database database) {
        content = new TestContent(database);
        discussions = database.jdbi().onDemand(DiscussionRepository.class);
        article = content.article("alliance", "بندر مشترک", "A gas pipeline");
    }

    @Test
    void anArticlesDiscussionsComeInTheOrderOfTheArticleGeneralFirst() {
        content.article("other", "Elsewhere");

        assertThat(discussions.forArticle(article.id())).extracting(Discussion::key, Discussion::position, Discussion::title)
                .containsExactly(
                        tuple("general", 0, null),
                        tuple("proposal-1", 1, "بندر مشترک"),
                        tuple("proposal-2", 2, "A gas pipeline"));
    }

    @Test
    void aDiscussionIsFoundByItsArticleAndKeyOrByItsId() {
        long id = discussions.insert(article.id(), "proposal-3", 3, "خط لوله", "**Why** it matters");

        Discussion stored = new Discussion(id, article.id(), "proposal-3", 3, "خط لوله", "**Why** it matters", false,
                0, 0, 0, 0, 0);
        assertThat(discussions.find(article.id(), "proposal-3")).contains(stored);
        assertThat(discussions.findById(id)).contains(stored);
        assertThat(discussions.find(article.id(), "Proposal-3")).as("keys are matched exactly").isEmpty();
        assertThat(discussions.find(content.article("other").id(), "proposal-3")).isEmpty();
    }

    @Test
    void aDiscussionIsLockedAndUnlocked() {
        Discussion general = content.general(article);

        discussions.setLocked(general.id(), true);
        assertThat(discussions.findById(general.id()).orElseThrow().locked()).isTrue();
        assertThat(content.proposal(article, 1).locked()).isFalse();

        discussions.setLocked(general.id(), false);
        assertThat(discussions.findById(general.id()).orElseThrow().locked()).isFalse();
    }
}
