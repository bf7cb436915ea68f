package org.roundtable.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.roundtable.article.ArticleSource.Proposal;
import org.roundtable.article.ArticleSource.SeedComment;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads an article file: YAML front matter between {@code ---} lines, then the article in Markdown.
 * The proposals are the items of the first numbered list after the "Proposed solutions" heading.
 */
public final class ArticleParser {

    public static final String PROPOSALS_HEADING = "Proposed solutions";
    private static final String FENCE = "---\n";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Parser markdown = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private final TextContentRenderer plainText = TextContentRenderer.builder().build();

    public ArticleSource parse(String fileText, String origin) {
        String text = fileText.replace("\r\n", "\n");
        int end = text.startsWith(FENCE) ? text.indexOf("\n" + FENCE, FENCE.length() - 1) : -1;
        if (end < 0) {
            throw new InvalidArticleException(origin, "it must start with front matter between two '---' lines");
        }
        var front = new FrontMatter(origin, loadYaml(text.substring(FENCE.length(), end), origin));
        String body = text.substring(end + 1 + FENCE.length());
        return build(front, body, origin);
    }

    private ArticleSource build(FrontMatter front, String body, String origin) {
        String slug = front.slug();
        String title = front.string("title");
        String author = front.string("author");
        LocalDate published = front.date("published");
        Node document = markdown.parse(body);
        OrderedList list = proposalList(document)
                .orElseThrow(() -> new InvalidArticleException(origin,
                        "no numbered list under a '" + PROPOSALS_HEADING + "' heading"));
        List<String> titles = front.strings("proposals");
        List<ListItem> items = listItems(list);
        if (titles.size() != items.size()) {
            throw new InvalidArticleException(origin, "the front matter names " + titles.size()
                    + " proposals but the list under '" + PROPOSALS_HEADING + "' has " + items.size());
        }
        List<Proposal> proposals = IntStream.range(0, items.size())
                .mapToObj(i -> new Proposal(titles.get(i), itemMarkdown(body, items.get(i))))
                .toList();
        return new ArticleSource(
                slug,
                title,
                author,
                front.optionalString("byline").orElse("By " + author),
                front.optionalString("source").orElse(null),
                published,
                body.substring(0, start(list)).strip(),
                proposals,
                body.substring(end(list)).strip(),
                seedComments(front, origin));
    }

    private Optional<OrderedList> proposalList(Node document) {
        boolean underProposals = false;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                underProposals = plainText.render(heading).strip().equalsIgnoreCase(PROPOSALS_HEADING);
            } else if (underProposals && node instanceof OrderedList list) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }

    private static List<ListItem> listItems(OrderedList list) {
        var items = new ArrayList<ListItem>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items.add((ListItem) item);
        }
        return items;
    }

    /** The item's own Markdown, without its "1. " marker, cut from the source so it stays word for word. */
    private static String itemMarkdown(String body, ListItem item) {
        String text = body.substring(start(item.getFirstChild()), end(item.getLastChild()));
        return text.replaceAll("\n {1,4}", "\n").strip();
    }

    private static int start(Node node) {
        return node.getSourceSpans().get(0).getInputIndex();
    }

    private static int end(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        SourceSpan last = spans.get(spans.size() - 1);
        return last.getInputIndex() + last.getLength();
    }

    private static List<SeedComment> seedComments(FrontMatter front, String origin) {
        return front.maps("comments").stream()
                .map(map -> new FrontMatter(origin, map))
                .map(c -> new SeedComment(
                        c.optionalString("discussion").orElse("general"),
                        c.optionalString("author").orElse(""),
                        c.instant("posted"),
                        c.string("body")))
                .toList();
    }

    private static Map<?, ?> loadYaml(String yaml, String origin) {
        try {
            Object loaded = new Load(LoadSettings.builder().build()).loadFromString(yaml);
            if (loaded instanceof Map<?, ?> map) {
                return map;
            }
            throw new InvalidArticleException(origin, "the front matter must be a set of 'key: value' lines");
        } catch (YamlEngineException e) {
            throw new InvalidArticleException(origin, "the front matter is not valid YAML: " + e.getMessage());
        }
    }

    /** Typed, checked access to front matter values, so a broken file says which key is wrong. */
    private record FrontMatter(String origin, Map<?, ?> values) {

        String string(String key) {
            return optionalString(key).orElseThrow(() -> missing(key));
        }

        Optional<String> optionalString(String key) {
            Object value = values.get(key);
            return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
        }

        /** Slugs become URLs, so they are kept to lower-case letters, digits and hyphens. */
        String slug() {
            String slug = string("slug");
            if (!SLUG.matcher(slug).matches()) {
                throw new InvalidArticleException(origin, "'slug' may hold only a-z, 0-9 and single hyphens, got '" + slug + "'");
            }
            return slug;
        }

        LocalDate date(String key) {
            try {
                return LocalDate.parse(string(key));
            } catch (DateTimeParseException e) {
                throw new InvalidArticleException(origin, "'" + key + "' must be a date like 2018-03-22");
            }
        }

        Instant instant(String key) {
            try {
                return Instant.parse(string(key));
            } catch (DateTimeParseException e) {
                throw new InvalidArticleException(origin, "'" + key + "' must be a time like 2018-03-23T15:20:00Z");
            }
        }

        List<String> strings(String key) {
            return list(key).stream().map(String::valueOf).toList();
        }

        List<Map<?, ?>> maps(String key) {
            var maps = new ArrayList<Map<?, ?>>();
            for (Object item : list(key)) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw new InvalidArticleException(origin, "each of '" + key + "' must be a set of 'key: value' lines");
                }
                maps.add(map);
            }
            return maps;
        }

        private List<?> list(String key) {
            Object value = values.get(key);
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list) {
                return list;
            }
            throw new InvalidArticleException(origin, "'" + key + "' must be a list");
        }

        private InvalidArticleException missing(String key) {
            return new InvalidArticleException(origin, "the front matter has no '" + key + "'");
        }
    }
}
