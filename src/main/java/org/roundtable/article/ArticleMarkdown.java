package org.roundtable.article;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
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

    String toHtml(String markdown) {
        return html.render(parser.parse(markdown));
    }

    /** The level-2 headings with the same ids the HTML gets, so the table of contents links to them. */
    List<Section> sections(String markdown) {
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
