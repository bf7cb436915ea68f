package org.roundtable.discussion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The safe Markdown subset readers may use: paragraphs, emphasis, links, quotes, code and lists.
 * Raw HTML is escaped, link targets are sanitised, and everything else (headings, images, rules) shows as text.
 */
public final class CommentMarkdown {

    private static final String LINK_REL = "nofollow ugc noopener";
    private static final int CACHED_COMMENTS = 20_000;

    private final Parser parser = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class, IndentedCodeBlock.class, ListBlock.class))
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", LINK_REL);
                }
            })
            .nodeRendererFactory(ImageAsText::new)
            .build();

    /** Rendered comments, by id and edit time: Markdown is most of the cost of showing a page of comments. */
    private final Map<String, String> rendered = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED_COMMENTS;
        }
    };

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /** A stored comment's body as HTML; a comment's words change only with its edit time, so that is the key. */
    public String toHtml(Comment comment) {
        return cached(comment).orElseGet(() -> {
            String html = toHtml(comment.body());
            synchronized (rendered) {
                rendered.put(key(comment), html);
            }
            return html;
        });
    }

    /** The comment's HTML if it has been rendered lately; a page then need not read the comment's words. */
    public Optional<String> cached(Comment comment) {
        synchronized (rendered) {
            return Optional.ofNullable(rendered.get(key(comment)));
        }
    }

    private static String key(Comment comment) {
        return comment.id() + "@" + (comment.editedAt() == null ? 0 : comment.editedAt().toEpochMilli());
    }

    /** Readers cannot embed images: an image is written out as the Markdown that asked for it. */
    private static final class ImageAsText implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final TextContentRenderer altText = TextContentRenderer.builder().build();

        ImageAsText(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            var alt = new StringBuilder();
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                alt.append(altText.render(child));
            }
            context.getWriter().text("![" + alt + "](" + image.getDestination() + ")");
        }
    }
}
