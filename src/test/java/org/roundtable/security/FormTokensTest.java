package org.roundtable.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.MutableClock;
import org.roundtable.Reader;
import org.roundtable.TestServer;

class FormTokensTest {

    @TempDir
    Path folder;

    @Test
    void aFormServedLongAgoIsSetAsideForAModeratorAndItsAuthorIsToldSo() {
        var clock = new MutableClock();
        try (var server = TestServer.start(TestServer.config(folder), clock)) {
            Reader reader = server.reader();
            var page = reader.open(ARTICLE);
            clock.advance(FormTokens.LIFETIME.plus(Duration.ofMinutes(1)));

            long id = Reader.postedId(reader.submit(page, "#reply-general", Map.of("body", "Written slowly")));
            var comment = reader.open(ARTICLE).getElementById("comment-" + id);
            assertThat(comment.selectFirst(".comment-body").text()).isEqualTo("Written slowly");
            assertThat(comment.selectFirst(".awaiting-moderation").text()).contains("awaiting moderation");
        }
    }

    @Test
    void signaturesDependOnTheSecretAndThePurpose() {
        var signer = new Signer("a secret of enough length".getBytes());
        String signed = signer.sign("author", "abc");
        assertThat(signer.verify("author", signed)).hasValue("abc");
        assertThat(signer.verify("form", signed)).isEmpty();
        assertThat(new Signer("another secret, also long".getBytes()).verify("author", signed)).isEmpty();
        assertThat(signer.verify("author", "abd" + signed.substring(3))).isEmpty();
        assertThat(signer.verify("author", "no-signature")).isEmpty();
        assertThat(signer.verify("author", null)).isEmpty();
    }
}
