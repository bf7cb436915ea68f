package org.roundtable.articlepage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.Extension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/** Renders the article's own Markdown (editor-written, so headings are allowed and get anchors). */
final class ArticleMarkdown {

    /** A heading of the article, for the table of contents. */
    record Section(String id, String title) {}

    private static final List<Extension> EXTENSIONS = List.of(HeadingAnchorExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    /**
     * Article text never changes once imported, and there is little of it, so each piece is rendered once.
     * Keyed by the Markdown itself, so a changed text can never be served from an old rendering.
     */
    private final Map<String, String> rendered = new ConcurrentHashMap<>();
    private final Map<String, List<Section>> sectionsOf = new ConcurrentHashMap<>();
    private final Map<String, String> standfirsts = new ConcurrentHashMap<>();

    String toHtml(String markdown) {
        return rendered.computeIfAbsent(markdown, text -> html.render(parser.parse(text)));
    }

    /** The level-2 headings with the same ids the HTML gets, so the table of contents links to them. */
    List<Section> sections(String markdown) {
        return sectionsOf.computeIfAbsent(markdown, this::findSections);
    }

    /** The first paragraph as plain text (the article's standfirst), or "" when it has none. */
    String standfirst(String markdown) {
        return standfirsts.computeIfAbsent(markdown, this::findStandfirst);
    }

    private String findStandfirst(String markdown) {
        for (Node node = parser.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph) {
                return text.render(node).strip();
            }
        }
        return "";
    }

    private List<Section> findSections(String markdown) {
        var ids = IdGenerator.builder().build();
        var sections = new ArrayList<Section>();
        for (Node node = parser.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                String title = text.render(heading).strip();
                String id = ids.generateId(title);
                if (heading.getLevel() == 2) {
                    sections.add(new Section(id, title));
                }
            }
        }
        return sections;
    }
}
