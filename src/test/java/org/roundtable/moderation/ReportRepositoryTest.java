package org.roundtable.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.comment.Comment;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;
import org.roundtable.queue.QueueRepository;

@BothEngines
class ReportRepositoryTest {

    private static final Instant START = TestContent.START;

    private Jdbi jdbi;
    private TestContent content;
    private ReportRepository reports;
    private Comment comment;

    @BeforeEach
    void storeAComment(Database database) {
        jdbi = database.jdbi();
        content = new TestContent(database);
        reports = jdbi.onDemand(ReportRepository.class);
        comment = content.comment(content.general(content.article("alliance"))).post();
    }

    @Test
    void aReportIsKeptWithItsReasonAndDetailsAndKnownByItsReporter() {
        long reporter = content.author();

        reports.insert(comment.id(), reporter, "hash-1", "abuse", "توهین به کاربران دیگر", START);

        assertThat(reports.exists(comment.id(), reporter)).isTrue();
        assertThat(reports.exists(comment.id(), content.author())).isFalse();
        assertThat(jdbi.onDemand(QueueRepository.class).openReports(List.of(comment.id())))
                .containsExactly(new QueueRepository.OpenReport(comment.id(), "abuse", "توهین به کاربران دیگر"));
    }

    @Test
    void reportersAreCountedByAddressAndReportsFromBeforeAddressesByBrowser() {
        reports.insert(comment.id(), content.author(), "hash-1", "spam", null, START);
        reports.insert(comment.id(), content.author(), "hash-1", "spam", null, START);
        assertThat(reports.openReporters(comment.id())).as("two browsers behind one address").isEqualTo(1);

        reports.insert(comment.id(), content.author(), "hash-2", "spam", null, START);
        reports.insert(comment.id(), content.author(), null, "other", null, START);
        reports.insert(comment.id(), content.author(), null, "other", null, START);

        assertThat(reports.openReporters(comment.id())).isEqualTo(4);
        assertThat(reports.openReporters(content.comment(content.general(content.article("alliance"))).post().id())).isZero();
    }

    @Test
    void resolvingClosesEveryOpenReportAndALaterReportOpensAgain() {
        reports.insert(comment.id(), content.author(), "hash-1", "spam", null, START);
        reports.insert(comment.id(), content.author(), "hash-2", "spam", null, START);

        reports.resolve(comment.id(), START.plus(Duration.ofHours(1)));
        assertThat(reports.openReporters(comment.id())).isZero();

        reports.insert(comment.id(), content.author(), "hash-3", "off_topic", null, START.plus(Duration.ofHours(2)));
        assertThat(reports.openReporters(comment.id())).isEqualTo(1);
        assertThat(jdbi.onDemand(QueueRepository.class).openReports(List.of(comment.id())))
                .extracting(QueueRepository.OpenReport::reason).containsExactly("off_topic");
    }
}
