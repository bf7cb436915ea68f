package org.roundtable.wxr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * WordPress comment HTML as the Markdown readers write here: paragraphs, line breaks, emphasis, links, quotes,
 * lists, code and strikethrough. Anything else gives its text (a heading becomes a paragraph in bold, a span its
 * words); scripts, styles and embedded objects give nothing, and no markup survives to run. WordPress stores a
 * comment as typed and applies its paragraph rule when showing it (a blank line starts a paragraph, a line
 * break is a break), so that rule is applied here too, and indenting, which WordPress ignores, is dropped rather
 * than turned into code blocks.
 */
final class WordPressHtml {

    private static final Set<String> DROPPED = Set.of("script", "style", "iframe", "object", "embed", "noscript", "template",
            "svg", "math", "form", "input", "button", "select", "textarea", "audio", "video", "canvas", "head", "title");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "aside", "nav",
            "main", "address", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
            "pre", "hr", "table", "thead", "tbody", "tfoot", "tr", "dl", "dt", "dd", "center", "details", "summary");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");
    /**
     * What means something in Markdown wherever it stands: escaped, it stays text. Raw HTML needs no escaping
     * (comments show it as text), and an ampersand only where it would read as a character reference.
     */
    private static final Pattern MARKUP = Pattern.compile("([\\\\`*_\\[\\]~]|&(?=#?[A-Za-z0-9]+;))");
    /** What means something only at the start of a line: quotes, headings, list bullets and numbers, underlines. */
    private static final Pattern LINE_START = Pattern.compile("(?m)^([-+=>#])|^(\\d{1,9})([.)])");
    private static final String HARD_BREAK = "\\\n";
    private static final Pattern EDGE_BREAKS = Pattern.compile("^(?:\\s*\\\\\\n)+|(?:\\\\\\n\\s*)+$");

    private WordPressHtml() {}

    static String toMarkdown(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        return String.join("\n\n", blocks(body)).strip();
    }

    /** The blocks an element holds: its loose text and inline elements make paragraphs between its block elements. */
    private static List<String> blocks(Element container) {
        var blocks = new ArrayList<String>();
        var paragraph = new StringBuilder();
        for (Node child : container.childNodes()) {
            if (child instanceof TextNode text) {
                String[] parts = PARAGRAPH_BREAK.split(text.getWholeText(), -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        flush(paragraph, blocks);
                    }
                    paragraph.append(lines(parts[i]));
                }
            } else if (child instanceof Element element && !DROPPED.contains(name(element))) {
                if (BLOCKS.contains(name(element))) {
                    flush(paragraph, blocks);
                    block(element, blocks);
                } else {
                    paragraph.append(inline(element));
                }
            }
        }
        flush(paragraph, blocks);
        return blocks;
    }

    private static void block(Element element, List<String> blocks) {
        switch (name(element)) {
            case "blockquote" -> {
                String quoted = String.join("\n\n", blocks(element));
                if (!quoted.isBlank()) {
                    blocks.add(quoted.lines().map(line -> line.isBlank() ? ">" : "> " + line)
                            .reduce((a, b) -> a + "\n" + b).orElse(""));
                }
            }
            case "ul", "ol" -> list(element, name(element).equals("ol"), blocks);
            case "pre" -> blocks.add(fenced(element.wholeText()));
            case "h1", "h2", "h3", "h4", "h5", "h6" -> blocks(element).forEach(heading ->
                    blocks.add(heading.startsWith("**") || heading.contains("\n") ? heading : wrap("**", heading)));
            case "hr" -> { }
            default -> blocks.addAll(blocks(element));
        }
    }

    private static void list(Element list, boolean numbered, List<String> blocks) {
        var items = new ArrayList<String>();
        int number = 1;
        for (Element item : list.children()) {
            String content = String.join("\n\n", blocks(item));
            if (content.isBlank()) {
                continue;
            }
            String marker = numbered ? (number++) + ". " : "- ";
            String indent = " ".repeat(marker.length());
            List<String> lines = content.lines().toList();
            var text = new StringBuilder(marker).append(lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                text.append('\n').append(line.isBlank() ? "" : indent + line);
            }
            items.add(text.toString());
        }
        if (!items.isEmpty()) {
            blocks.add(String.join("\n", items));
        }
    }

    private static String inline(Node node) {
        if (node instanceof TextNode text) {
            return escape(text.getWholeText().replaceAll("\\s+", " "));
        }
        if (!(node instanceof Element element) || DROPPED.contains(name(element))) {
            return "";
        }
        return switch (name(element)) {
            case "br" -> HARD_BREAK;
            case "strong", "b" -> wrap("**", children(element));
            case "em", "i", "cite" -> wrap("*", children(element));
            case "del", "s", "strike" -> wrap("~~", children(element));
            case "code", "kbd", "samp", "tt" -> codeSpan(element.wholeText());
            case "img" -> escape(element.attr("alt"));
            case "a" -> link(element);
            default -> children(element);
        };
    }

    private static String children(Element element) {
        var text = new StringBuilder();
        for (Node child : element.childNodes()) {
            text.append(BLOCKS.contains(child.nodeName()) && child instanceof Element block ? " " + children(block) + " " : inline(child));
        }
        return text.toString();
    }

    /** Emphasis markers hug their words (Markdown ignores "** word **"), so surrounding spaces go outside them. */
    private static String wrap(String marker, String inner) {
        String trimmed = inner.strip();
        if (trimmed.isEmpty() || trimmed.equals(HARD_BREAK.strip())) {
            return inner;
        }
        String before = inner.substring(0, inner.indexOf(trimmed));
        String after = inner.substring(inner.indexOf(trimmed) + trimmed.length());
        return before + marker + trimmed + marker + after;
    }

    private static String link(Element anchor) {
        String text = children(anchor);
        String href = anchor.attr("href").strip();
        Matcher scheme = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):").matcher(href);
        if (text.isBlank() || !scheme.find() || !LINK_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
            return text;
        }
        String destination = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
                .replace(">", "%3E");
        return "[" + text.strip() + "](" + destination + ")";
    }

    /**
     * Loose text: lines of a paragraph, each line break kept as a break and the indenting of the lines after one
     * dropped; the space between words and the elements around them stays.
     */
    private static String lines(String text) {
        var result = new StringBuilder();
        String[] lines = text.split("\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("[ \\t\\x0B\\f\\r]+", " ");
            if (i > 0) {
                result.append(HARD_BREAK);
                line = line.stripLeading();
            }
            result.append(escape(line));
        }
        return result.toString();
    }

    /** Ends a paragraph: line breaks at its edges mean nothing, and line starts that would make a list stay text. */
    private static void flush(StringBuilder paragraph, List<String> blocks) {
        String text = EDGE_BREAKS.matcher(paragraph).replaceAll("").strip();
        if (!text.isEmpty()) {
            blocks.add(LINE_START.matcher(text).replaceAll(match -> match.group(1) != null
                    ? "\\\\" + Matcher.quoteReplacement(match.group(1))
                    : match.group(2) + "\\\\" + Matcher.quoteReplacement(match.group(3))));
        }
        paragraph.setLength(0);
    }

    private static String escape(String text) {
        return MARKUP.matcher(text).replaceAll("\\\\$1");
    }

    /** Inline code, fenced by more backticks than it holds in a row. */
    private static String codeSpan(String code) {
        String fence = "`".repeat(longestRun(code, '`') + 1);
        String padded = code.startsWith("`") || code.endsWith("`") ? " " + code + " " : code;
        return fence + padded.replace('\n', ' ') + fence;
    }

    private static String fenced(String code) {
        String fence = "`".repeat(Math.max(3, longestRun(code, '`') + 1));
        return fence + "\n" + code.strip() + "\n" + fence;
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static String name(Element element) {
        return element.normalName();
    }
}
