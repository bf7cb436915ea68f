package org.roundtable.operations;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.roundtable.comment.CommentStatus;
import org.roundtable.web.KnownMethods;

/**
 * {@code GET /metrics} in Prometheus format: requests by route and status with their latency, comments
 * posted by the status they got, the moderation queue, the render cache, the connection pool and the JVM.
 * With METRICS_TOKEN set, a scraper must send it as a bearer token; on a public site it must be set.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Optional<String> token;
    private final boolean publicSite;

    /**
     * {@code publicSite} (COOKIE_SECURE=true: served to the world over HTTPS) keeps {@code /metrics} closed
     * until a token is set: the numbers tell an attacker how the site is doing under their load.
     */
    public Metrics(Optional<String> token, boolean publicSite) {
        this.token = token;
        this.publicSite = publicSite;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Records a finished request under its route pattern, never its path: every label from a fixed set. */
    public void request(Context ctx, float milliseconds) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        Timer.builder("http.server.requests")
                .tag("method", KnownMethods.METHODS.contains(ctx.method().name()) ? ctx.method().name() : "other")
                .tag("route", endpoint == null ? "unmatched" : endpoint.path)
                .tag("status", Integer.toString(ctx.status().getCode()))
                .register(registry)
                .record((long) (milliseconds * 1_000_000), TimeUnit.NANOSECONDS);
    }

    public void commentPosted(CommentStatus status) {
        Counter.builder("roundtable.comments.posted").tag("status", status.dbValue()).register(registry).increment();
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void scrape(Context ctx) {
        if (publicSite && token.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("Metrics are off: set METRICS_TOKEN to scrape them.");
            return;
        }
        if (token.isPresent() && !MessageDigest.isEqual(("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8),
                String.valueOf(ctx.header("Authorization")).getBytes(StandardCharsets.UTF_8))) {
            ctx.status(HttpStatus.UNAUTHORIZED).result("A bearer token is required.");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
