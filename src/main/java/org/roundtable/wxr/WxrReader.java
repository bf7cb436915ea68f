package org.roundtable.wxr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the posts and comments of a WordPress export (WXR 1.0 to 1.2, under http:// or https:// namespace
 * URIs). External entities and DTDs are refused, so a hostile file cannot read files or reach the network.
 */
final class WxrReader {

    private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    List<WxrPost> read(Path file) throws IOException, WxrException {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            var posts = new ArrayList<WxrPost>();
            // The site's authors come before its items: a post names its author by login, a comment by user id.
            Map<String, SiteAuthor> authors = new HashMap<>();
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("item")) {
                    posts.add(item(xml, authors));
                } else if (isWordPress(xml) && xml.getLocalName().equals("author")) {
                    author(xml, authors);
                }
            }
            return posts;
        } catch (XMLStreamException e) {
            throw new WxrException("The file is not well-formed XML: " + e.getMessage());
        }
    }

    /** A site author, as the export lists them: a user id (0 when the export leaves it out) and an email address. */
    private record SiteAuthor(long id, String email) {}

    /** A {@code <wp:author>}, by login. Its email address is only used to recognise its comments, never kept. */
    private void author(XMLStreamReader xml, Map<String, SiteAuthor> authors) throws XMLStreamException, WxrException {
        Map<String, String> fields = fields(xml, "author");
        if (fields.containsKey("author_login")) {
            authors.put(fields.get("author_login").strip(), new SiteAuthor(
                    number(fields.getOrDefault("author_id", "0"), "wp:author_id"),
                    fields.getOrDefault("author_email", "").strip()));
        }
    }

    /**
     * An {@code <item>}: its title, its WordPress id, its author's user id and its {@code <wp:comment>}s. Exports
     * from WordPress.com leave user ids out of the author list; there the author's id is the one their comments
     * carry, found by their email address.
     */
    private WxrPost item(XMLStreamReader xml, Map<String, SiteAuthor> authors) throws XMLStreamException, WxrException {
        String title = "";
        long id = 0;
        SiteAuthor author = new SiteAuthor(0, "");
        long authorId = 0;
        var comments = new ArrayList<WxrComment>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item")) {
                return new WxrPost(id, title, author.id() != 0 ? author.id() : authorId, comments);
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String namespace = xml.getNamespaceURI();
            if (xml.getLocalName().equals("title") && (namespace == null || namespace.isEmpty())) {
                title = xml.getElementText().strip();
            } else if (xml.getLocalName().equals("creator") && xml.getNamespaceURI() != null
                    && xml.getNamespaceURI().startsWith("http://purl.org/dc/")) {
                author = authors.getOrDefault(xml.getElementText().strip(), author);
            } else if (isWordPress(xml) && xml.getLocalName().equals("post_id")) {
                id = number(xml.getElementText(), "wp:post_id");
            } else if (isWordPress(xml) && xml.getLocalName().equals("comment")) {
                Map<String, String> fields = fields(xml, "comment");
                WxrComment comment = comment(fields);
                comments.add(comment);
                if (comment.userId() != 0 && !author.email().isEmpty()
                        && author.email().equalsIgnoreCase(fields.getOrDefault("comment_author_email", "").strip())) {
                    authorId = comment.userId();
                }
            }
        }
        throw new WxrException("The file ends inside an <item>.");
    }

    private WxrComment comment(Map<String, String> fields) throws WxrException {
        return new WxrComment(
                number(fields.getOrDefault("comment_id", ""), "wp:comment_id"),
                number(fields.getOrDefault("comment_parent", "0"), "wp:comment_parent"),
                fields.getOrDefault("comment_author", "").strip(),
                fields.getOrDefault("comment_content", ""),
                date(fields.get("comment_date_gmt"), fields.get("comment_date")),
                fields.getOrDefault("comment_approved", "1").strip(),
                fields.getOrDefault("comment_type", "").strip(),
                number(fields.getOrDefault("comment_user_id", "0"), "wp:comment_user_id"));
    }

    /** The text of each WordPress child element of the element {@code <wp:name>}, up to its end. */
    private Map<String, String> fields(XMLStreamReader xml, String name) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && isWordPress(xml) && xml.getLocalName().equals(name)) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && isWordPress(xml)) {
                String field = xml.getLocalName();
                if (field.equals("commentmeta")) {
                    skip(xml);
                } else {
                    fields.put(field, xml.getElementText());
                }
            }
        }
        return fields;
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    private static boolean isWordPress(XMLStreamReader xml) {
        String namespace = xml.getNamespaceURI();
        return namespace != null && namespace.matches("https?://wordpress\\.org/export/1\\.[0-2]/");
    }

    private static long number(String text, String field) throws WxrException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new WxrException(field + " should be a number, found '" + text.strip() + "'");
        }
    }

    /** WordPress writes GMT and local time; the GMT one is zeros for some old comments. */
    private static Instant date(String gmt, String local) throws WxrException {
        for (String candidate : new String[] {gmt, local}) {
            if (candidate != null && !candidate.isBlank() && !candidate.startsWith("0000")) {
                try {
                    return LocalDateTime.parse(candidate.strip(), WORDPRESS_DATE).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new WxrException("A comment date is not in WordPress's format: '" + candidate.strip() + "'");
                }
            }
        }
        throw new WxrException("A comment has no date.");
    }
}
