package org.roundtable.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;
import org.roundtable.security.ServerSecret;
import org.roundtable.security.Signer;

/**
 * One IPv6 subscriber holds a whole /64 and may pick any address in it for each request: every per-address rule
 * must count the block as one client, and bans written before that rule still hold.
 */
class SharedIpv6BlockTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD, "TRUST_PROXY", "true",
                "FLOOD_ADDRESS_MAX_PER_HOUR", "2")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reportsFromOneSlash64CountAsOneReporter() {
        long id = post(server.reader(), "Unpopular but fine").id();
        for (String address : new String[] {"2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2::3"}) {
            Reader reporter = Reader.from(server, address);
            var sent = reporter.submit(reporter.open(ARTICLE + "/comments/" + id + "/report"), "form", Map.of("reason", "spam"));
            assertThat(sent.statusCode()).isEqualTo(303);
        }
        assertThat(server.commentStatus(id)).isEqualTo("published");
    }

    @Test
    void theAddressFloodLimitCountsTheSlash64() {
        assertThat(post(Reader.from(server, "2001:db8:1:2::1"), "First").status()).isEqualTo(303);
        assertThat(post(Reader.from(server, "2001:db8:1:2::2"), "Second").status()).isEqualTo(303);
        assertThat(post(Reader.from(server, "2001:db8:1:2::3"), "Third").status()).isEqualTo(429);
        assertThat(post(Reader.from(server, "2001:db8:1:3::1"), "Next block").status()).isEqualTo(303);
    }

    @Test
    void anAddressBanCoversTheSlash64() {
        long id = post(Reader.from(server, "2001:db8:1:2::1"), "Ban evasion").id();
        Reader admin = server.moderator("admin", PASSWORD);
        admin.submit(admin.open("/admin/comments/" + id + "/ban"), "form[action$=/ban]",
                Map.of("reason", "Ban evasion", "length", "7d", "address", "yes"));
        assertThat(post(Reader.from(server, "2001:db8:1:2::99"), "New cookie, next address").status()).isEqualTo(403);
        assertThat(post(Reader.from(server, "2001:db8:1:3::1"), "Someone else").status()).isEqualTo(303);
    }

    @Test
    void aBanWrittenWithTheWholeAddressStillHolds() {
        // As bans on an IPv6 address were stored before the /64 key: the keyed hash of the address as given.
        var signer = new Signer(ServerSecret.load(java.util.Optional.empty(), server.jdbi()));
        String wholeAddress = signer.mac("ip", "2001:db8:1:2::7");
        server.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO bans (ip_hash, reason, created_at) VALUES (:hash, 'Before the upgrade', :now)""")
                .bind("hash", wholeAddress).bind("now", Instant.now()).execute());
        assertThat(post(Reader.from(server, "2001:db8:1:2::7"), "Still me").status()).isEqualTo(403);
    }

    private record Sent(int status, long id) {}

    private Sent post(Reader who, String body) {
        HttpResponse<String> response = who.submit(who.open(ARTICLE), "#reply-general", Map.of("body", body));
        return new Sent(response.statusCode(), response.statusCode() == 303 ? postedId(response) : 0);
    }
}
