package org.roundtable.rendering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.text.TextContentRenderer;
import org.roundtable.comment.Comment;
import org.roundtable.comment.Text;
import org.unbescape.html.HtmlEscape;

/**
 * The safe Markdown subset readers may use: paragraphs, emphasis, links, quotes, code and lists.
 * Raw HTML is escaped, link targets are sanitised, and everything else (headings, images, rules) shows as text.
 */
public final class CommentMarkdown {

    private static final String LINK_REL = "nofollow ugc noopener";
    /** Schemes a link may have; anything else (data:, javascript:, file:, ...) is shown as text. */
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ANCHOR = Pattern.compile("<a [^>]*>.*?</a>", Pattern.DOTALL);
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)(?:https?://|\\bwww\\.)");
    private static final int CACHED_COMMENTS = 20_000;

    /**
     * Bare web addresses become links, and ~~two tildes~~ strike through (one tilde stays a tilde: "~5 years").
     */
    private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.create(),
            StrikethroughExtension.builder().requireTwoTildes(true).build());

    private final Parser parser = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class, IndentedCodeBlock.class, ListBlock.class))
            .extensions(EXTENSIONS)
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .softbreak("<br>\n")
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", LINK_REL);
                }
                if (takesOwnDirection(node)) {
                    attributes.put("dir", "auto");
                } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
                    attributes.put("dir", "ltr");
                }
            })
            .nodeRendererFactory(ImageAsText::new)
            .nodeRendererFactory(WebLinksOnly::new)
            .build();

    /** Rendered comments, by id and edit time: Markdown is most of the cost of showing a page of comments. */
    private final Map<String, String> rendered = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED_COMMENTS;
        }
    };

    public String toHtml(String markdown) {
        // Character references such as &#1; decode to characters no HTML or XML page may hold.
        return Text.withoutForbiddenCharacters(renderer.render(parser.parse(markdown)));
    }

    /**
     * The words of a comment as readers see them: its rendering without the markup, character references
     * decoded, blocks and line breaks as single spaces (the renderer ends each with a newline). The tags are
     * all the renderer's own (what people type is escaped), so removing them leaves the text on the page.
     */
    public String plainText(String markdown) {
        return textOf(toHtml(markdown));
    }

    /** The text of a rendered comment (see {@link #plainText}). */
    public static String textOf(String renderedHtml) {
        String text = TAG.matcher(renderedHtml).replaceAll("");
        return HtmlEscape.unescapeHtml(text).replaceAll("\\s+", " ").strip();
    }

    /**
     * How many links a comment holds as readers will see it: every link element of the rendered comment, and
     * every web address written out in its text. Counting the rendering, not the typing, catches
     * {@code [x](//host)}, {@code http&#58;//} and whatever else Markdown turns into a link.
     */
    public int links(String markdown) {
        String html = toHtml(markdown);
        int anchors = 0;
        for (int at = html.indexOf("<a "); at >= 0; at = html.indexOf("<a ", at + 3)) {
            anchors++;
        }
        Matcher written = WEB_ADDRESS.matcher(ANCHOR.matcher(html).replaceAll(" "));
        int addresses = 0;
        while (written.find()) {
            addresses++;
        }
        return anchors + addresses;
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

    /**
     * Each block takes its direction from its own first letter: a Persian paragraph after an English one is
     * right-to-left, whatever the comment opened with. A quote or a list item decides for the paragraphs in it
     * (the browser's "auto" skips content that has a direction of its own). Code always reads left-to-right.
     */
    private static boolean takesOwnDirection(Node node) {
        if (node instanceof Paragraph) {
            return !(node.getParent() instanceof BlockQuote || node.getParent() instanceof ListItem);
        }
        return node instanceof BlockQuote || node instanceof ListItem;
    }

    /** Links go to the web or to an email address; a link to anything else is shown as its text alone. */
    private static final class WebLinksOnly implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        WebLinksOnly(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class);
        }

        @Override
        public void render(Node node) {
            Link link = (Link) node;
            Matcher scheme = SCHEME.matcher(link.getDestination());
            boolean web = !scheme.find() || LINK_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
            HtmlWriter html = context.getWriter();
            if (web) {
                var attributes = new LinkedHashMap<String, String>();
                attributes.put("href", context.encodeUrl(link.getDestination()));
                if (link.getTitle() != null) {
                    attributes.put("title", link.getTitle());
                }
                html.tag("a", context.extendAttributes(link, "a", attributes));
            }
            for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            if (web) {
                html.tag("/a");
            }
        }
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
