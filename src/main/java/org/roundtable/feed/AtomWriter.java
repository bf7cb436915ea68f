package org.roundtable.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Stance;
import org.roundtable.comment.Text;
import org.roundtable.rendering.CommentMarkdown;

/** Writes an Atom 1.0 feed (RFC 4287) with the JDK's XML writer, which does all the escaping. */
final class AtomWriter {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final CommentMarkdown markdown;

    AtomWriter(CommentMarkdown markdown) {
        this.markdown = markdown;
    }

    /** {@code baseUrl} is scheme and host; {@code selfPath} and {@code pagePath} are paths under it. */
    String write(String baseUrl, String title, String selfPath, String pagePath, Instant emptyUpdated,
                 List<FeedEntry> entries) {
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", baseUrl + selfPath);
            element(xml, "title", title);
            element(xml, "updated", time(entries.isEmpty() ? emptyUpdated : entries.get(0).updated()));
            link(xml, "self", baseUrl + selfPath, "application/atom+xml");
            link(xml, "alternate", baseUrl + pagePath, "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "Roundtable readers");
            xml.writeEndElement();
            for (FeedEntry entry : entries) {
                entry(xml, baseUrl, entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private void entry(XMLStreamWriter xml, String baseUrl, FeedEntry entry) throws XMLStreamException {
        String url = baseUrl + CommentPaths.comment(entry.articleSlug(), entry.id());
        xml.writeStartElement("entry");
        element(xml, "id", url);
        element(xml, "title", entry.title());
        element(xml, "published", time(entry.createdAt()));
        element(xml, "updated", time(entry.updated()));
        link(xml, "alternate", url, "text/html");
        xml.writeStartElement("author");
        element(xml, "name", entry.authorName());
        xml.writeEndElement();
        Optional<Stance> stance = Stance.fromValue(entry.stance());
        if (stance.isPresent()) {
            category(xml, stance.get());
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(markdown.toHtml(entry.body()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The writer's stance on the proposal, as a category feed readers can filter on. */
    private static void category(XMLStreamWriter xml, Stance stance) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", stance.value());
        xml.writeAttribute("label", "Stance: " + stance.label());
    }

    /** Text that came from people (names, titles) passes through here; XML has characters it cannot hold. */
    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(Text.withoutForbiddenCharacters(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
