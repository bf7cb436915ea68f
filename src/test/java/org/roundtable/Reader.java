package org.roundtable;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A reader in a browser without JavaScript: keeps cookies, opens pages, and submits forms exactly as served
 * (every hidden field included), sending the Origin header browsers send.
 */
public final class Reader {

    private final Site server;
    private final CookieManager cookies;
    private final HttpClient client;
    /** The address a trusted proxy (TRUST_PROXY=true) says this reader comes from, or null. */
    private final String forwardedFor;

    Reader(Site server) {
        this(server, null, new CookieManager());
    }

    private Reader(Site server, String forwardedFor, CookieManager cookies) {
        this.server = server;
        this.forwardedFor = forwardedFor;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
    }

    /** A reader whose requests reach a server behind a proxy (TRUST_PROXY=true) from {@code address}. */
    public static Reader from(Site server, String address) {
        return new Reader(server, address, new CookieManager());
    }

    /** A new reader (a fresh browser) on {@code site}. */
    public static Reader at(Site site) {
        return new Reader(site);
    }

    /** The same browser, its cookies and all, sent to another instance of the site (as a load balancer does). */
    public Reader via(Site instance) {
        return new Reader(instance, forwardedFor, cookies);
    }

    public CookieManager cookies() {
        return cookies;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public Document open(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response);
    }

    /** Fills the form found by {@code selector} on {@code page} with {@code fields} and submits it. */
    public HttpResponse<String> submit(Document page, String selector, Map<String, String> fields) {
        Element form = page.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("No form " + selector + " on the page");
        }
        var values = new LinkedHashMap<String, String>();
        for (Element input : form.select("input[name]:not([type=radio]):not([type=checkbox]), input[name][checked], textarea[name]")) {
            values.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
        }
        values.putAll(fields);
        return post(form.attr("action"), values);
    }

    /**
     * Presses a submit button as a browser does: its form's fields (the form it names with {@code form=}, or the
     * one it sits in) and its own name and value, sent to its {@code formaction}, or else the form's action.
     */
    public HttpResponse<String> press(Document page, String selector) {
        Element button = page.selectFirst(selector);
        if (button == null) {
            throw new AssertionError("No button " + selector + " on the page");
        }
        Element form = button.hasAttr("form") ? page.getElementById(button.attr("form")) : button.closest("form");
        var values = new LinkedHashMap<String, String>();
        for (Element input : form.select("input[name]:not([type=radio]):not([type=checkbox]), input[name][checked], textarea[name]")) {
            values.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
        }
        if (button.hasAttr("name")) {
            values.put(button.attr("name"), button.attr("value"));
        }
        return post(button.hasAttr("formaction") ? button.attr("formaction") : form.attr("action"), values);
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, Map.of());
    }

    /** Posts with these headers too, as a script does ({@code Accept}) or a browser ({@code Referer}). */
    public HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) {
        var request = request(path);
        headers.forEach(request::header);
        return send(request, fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    /** Posts a body already in {@code application/x-www-form-urlencoded} form, for repeated fields. */
    public HttpResponse<String> postEncoded(String path, String body) {
        return send(request(path), body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String formBody) {
        return send(request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", server.origin())
                .POST(HttpRequest.BodyPublishers.ofString(formBody))
                .build());
    }

    /** Follows a redirect the way a browser does after a form post. */
    public Document follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("Expected a redirect, got " + redirect.statusCode() + ": " + redirect.body()));
        return open(location.replaceFirst("#.*$", ""));
    }

    /** The id of the comment a successful post redirected to. */
    public static long postedId(HttpResponse<String> response) {
        if (response.statusCode() != 303) {
            throw new AssertionError("Expected 303 after posting, got " + response.statusCode() + ": " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf("comment-") + "comment-".length()));
    }

    public static Document parse(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private HttpRequest.Builder request(String path) {
        var request = HttpRequest.newBuilder(server.uri(path));
        return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestServer.send(client, request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
