package org.roundtable.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.MutableClock;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/**
 * Password guessing is slowed from one address and across many, without anyone being able to lock an
 * account for its owner. Readers come from addresses of their own through a trusted proxy.
 */
class SignInThrottleTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    final MutableClock clock = new MutableClock();
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(String maxFailures) {
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD, "TRUST_PROXY", "true",
                "LOGIN_MAX_FAILURES", maxFailures)), clock);
    }

    @Test
    void oneAddressGuessingPausesOnlyItself() {
        start("5");
        Reader guesser = Reader.from(server, "203.0.113.66");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(signIn(guesser, "guess " + attempt).statusCode()).isEqualTo(401);
        }
        assertThat(signIn(guesser, PASSWORD).statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn(Reader.from(server, "198.51.100.1"), PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void guessesFromManyAddressesMeetAGrowingPauseButNotTheOwnersKnownBrowser() {
        start("5");
        Reader owner = Reader.from(server, "198.51.100.1");
        assertThat(signIn(owner, PASSWORD).statusCode()).isEqualTo(303);
        owner.submit(owner.open("/admin"), "form[action=/admin/logout]", Map.of());
        int refused = 0;
        int evaluated = 0;
        for (int address = 1; address <= 20; address++) {
            HttpResponse<String> response = signIn(Reader.from(server, "203.0.113." + address), "guess");
            if (response.statusCode() == 429) {
                refused++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            } else {
                evaluated++;
            }
        }
        assertThat(evaluated).isEqualTo(5);
        assertThat(refused).isEqualTo(15);
        assertThat(signIn(owner, PASSWORD).statusCode()).as("the owner's browser signs in at once").isEqualTo(303);
    }

    @Test
    void parallelGuessesAreCountedOneAfterAnother() throws Exception {
        start("5");
        var ready = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(30);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Reader guesser = Reader.from(server, "203.0.113.7");
            var form = guesser.open("/admin/login");
            statuses.add(pool.submit(() -> {
                ready.await();
                return guesser.submit(form, "form[action=/admin/login]", Map.of("username", "admin", "password", "guess")).statusCode();
            }));
        }
        ready.countDown();
        int evaluated = 0;
        for (var status : statuses) {
            evaluated += status.get() == 401 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(evaluated).isEqualTo(5);
    }

    @Test
    void zeroSwitchesTheThrottleOff() {
        start("0");
        Reader reader = Reader.from(server, "203.0.113.8");
        for (int attempt = 0; attempt < 12; attempt++) {
            assertThat(signIn(reader, "guess").statusCode()).isEqualTo(401);
        }
        assertThat(signIn(reader, PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void changingAPasswordNeedsTheCurrentOneAndSignsOutOtherBrowsers() {
        start("5");
        Reader here = server.moderator("admin", PASSWORD);
        Reader elsewhere = server.moderator("admin", PASSWORD);
        String form = "#moderator-1 form[action$=/password]";
        var wrong = here.submit(here.open("/admin/moderators"), form,
                Map.of("current", "not it", "password", "a new long password", "confirm", "a new long password"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(Reader.parse(wrong).selectFirst(".form-error").text()).contains("current password was not right");

        var changed = here.submit(here.open("/admin/moderators"), form,
                Map.of("current", PASSWORD, "password", "a new long password", "confirm", "a new long password"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(here.get("/admin").statusCode()).as("this browser stays signed in").isEqualTo(200);
        assertThat(elsewhere.get("/admin").statusCode()).as("the other browser is signed out").isEqualTo(303);
        assertThat(server.moderator("admin", "a new long password")).isNotNull();
    }

    private HttpResponse<String> signIn(Reader reader, String password) {
        return reader.submit(reader.open("/admin/login"), "form[action=/admin/login]", Map.of("username", "admin", "password", password));
    }
}
