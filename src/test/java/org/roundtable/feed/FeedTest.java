package org.roundtable.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FeedTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @TempDir
    static Path folder;
    static TestServer server;
    static Reader alice;
    static Reader bob;
    static String alicePrivateLink;
    static long aliceComment;

    @BeforeAll
    static void discuss() {
        server = TestServer.start(folder);
        alice = server.reader();
        bob = server.reader();
        var posted = alice.submit(alice.open(ARTICLE), "#reply-proposal-4", Map.of("name", "Alice", "body", "Ports **matter** & <more>"));
        aliceComment = postedId(posted);
        alicePrivateLink = alice.follow(posted).selectFirst(".private-link a").attr("href");
        bob.submit(bob.open(ARTICLE + "/comments/" + aliceComment), "#reply-form", Map.of("name", "Bob", "body", "Agreed, Alice"));
        bob.submit(bob.open(ARTICLE), "#reply-proposal-1", Map.of("name", "Bob", "body", "Balance first", "stance", "for"));
        alice.submit(alice.open(ARTICLE + "/comments/" + aliceComment), "#reply-form", Map.of("body", "Replying to myself"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theArticleFeedIsValidAtomWithTheNewestCommentsFirst() throws Exception {
        HttpResponse<String> response = bob.get(ARTICLE + "/comments.atom");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        Element feed = parse(response).getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(child(feed, "title")).isEqualTo("Comments on \u201CIs Strategic Alliance Between Iran And Pakistan Possible? \u2013 Analysis\u201D");
        assertThat(child(feed, "id")).isNotBlank();
        assertThat(child(feed, "updated")).isNotBlank();
        List<Element> entries = entries(feed);
        assertThat(entries).extracting(e -> child(e, "title")).containsExactly(
                "Anonymous on proposal 4: Connect the ports of Chabahar and Gwadar",
                "Bob on proposal 1: Keep a balance between Iran and its Gulf rivals",
                "Bob on proposal 4: Connect the ports of Chabahar and Gwadar",
                "Alice on proposal 4: Connect the ports of Chabahar and Gwadar",
                "Anonymous on \u201CIs Strategic Alliance Between Iran And Pakistan Possible? \u2013 Analysis\u201D");
        Element alices = entries.get(3);
        assertThat(child(alices, "content")).isEqualTo("<p dir=\"auto\">Ports <strong>matter</strong> &amp; &lt;more&gt;</p>\n");
        assertThat(((Element) alices.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
                .endsWith(ARTICLE + "/comments/" + aliceComment);
        for (Element entry : entries) {
            assertThat(child(entry, "id")).isNotBlank();
            assertThat(child(entry, "updated")).isNotBlank();
        }
    }

    @Test
    void aProposalFeedHoldsOnlyThatProposalsComments() throws Exception {
        Element feed = parse(bob.get(ARTICLE + "/discussions/proposal-1/comments.atom")).getDocumentElement();
        assertThat(child(feed, "title")).isEqualTo("Proposal 1: Keep a balance between Iran and its Gulf rivals");
        assertThat(entries(feed)).extracting(e -> child(e, "content")).containsExactly("<p dir=\"auto\">Balance first</p>\n");
        Element category = (Element) entries(feed).get(0).getElementsByTagNameNS(ATOM, "category").item(0);
        assertThat(category.getAttribute("term")).as("the stance, as a category").isEqualTo("for");
        assertThat(category.getAttribute("label")).isEqualTo("Stance: For");
        assertThat(bob.get(ARTICLE + "/discussions/proposal-9/comments.atom").statusCode()).isEqualTo(404);
    }

    @Test
    void theArticlePageLinksItsFeeds() {
        var links = bob.open(ARTICLE).select("head link[rel=alternate][type=application/atom+xml]");
        assertThat(links.eachAttr("href")).contains(ARTICLE + "/comments.atom", ARTICLE + "/discussions/proposal-3/comments.atom")
                .hasSize(6);
        for (String href : links.eachAttr("href")) {
            assertThat(bob.get(href).statusCode()).as(href).isEqualTo(200);
        }
    }

    @Test
    void thePrivateFeedNotifiesAnAuthorOfRepliesByOthers() throws Exception {
        String path = alicePrivateLink.substring(alicePrivateLink.indexOf("/authors/")) + "/replies.atom";
        assertThat(alice.open(alicePrivateLink.substring(alicePrivateLink.indexOf("/authors/")))
                .selectFirst("a[type=application/atom+xml]").attr("href")).isEqualTo(path);
        HttpResponse<String> response = server.get(path);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        Element feed = parse(response).getDocumentElement();
        assertThat(entries(feed)).extracting(e -> child(e, "content")).containsExactly("<p dir=\"auto\">Agreed, Alice</p>\n");
        assertThat(server.get("/authors/unknown/replies.atom").statusCode()).isEqualTo(404);
    }

    @Test
    void charactersXmlCannotHoldNeverReachAFeed(@TempDir Path other) throws Exception {
        try (var own = TestServer.start(other)) {
            Reader carol = own.reader();
            long id = postedId(carol.submit(carol.open(ARTICLE), "#reply-proposal-5", Map.of("name", "Car\uFFFEol\uFFFF",
                    "body", "Odd &#1; &#11; &#27; &#xFFFE; &#xFFFF; and raw \uFFFE\uFFFF characters")));
            Element feed = parse(carol.get(ARTICLE + "/discussions/proposal-5/comments.atom")).getDocumentElement();
            assertThat(feed.getElementsByTagNameNS(ATOM, "entry").getLength()).isEqualTo(1);
            String stored = own.jdbi().withHandle(h -> h.createQuery("SELECT author_name || body FROM comments WHERE id = :id")
                    .bind("id", id).mapTo(String.class).one());
            assertThat(stored).doesNotContain("\uFFFE", "\uFFFF");
        }
    }

    private static Document parse(HttpResponse<String> response) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> entries(Element feed) {
        NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
        var entries = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
