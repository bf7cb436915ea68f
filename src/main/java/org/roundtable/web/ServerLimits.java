package org.roundtable.web;

import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * What one client may take of the server: connections, time and request bytes. Each limit keeps a single
 * client (slowloris, slow bodies, made-up methods) from making the site unavailable to everyone else.
 *
 * @param maxConnections      connections open at once, all clients together
 * @param perAddress          connections open at once from one address; 0 for no cap (behind a proxy)
 * @param idleTimeout         a connection that sends and receives nothing for this long is closed
 * @param bodyTimeout         the longest a request body may take to arrive
 * @param maxRequestBytes     the largest request body
 * @param bodyBudgetBytes     the memory all bodies being received may take together
 */
public record ServerLimits(int maxConnections, int perAddress, Duration idleTimeout, Duration bodyTimeout,
                           int maxRequestBytes, long bodyBudgetBytes) {

    /**
     * The largest request body accepted. Room for a 10,000-character comment in any script: four UTF-8
     * bytes a character, each sent as three characters of percent-encoding, is 120,000 bytes.
     */
    public static final int MAX_REQUEST_BYTES = 192 * 1024;

    public static ServerLimits fromMap(Map<String, String> env, boolean behindProxy) {
        return new ServerLimits(
                Integer.parseInt(env.getOrDefault("MAX_CONNECTIONS", "2000")),
                behindProxy ? 0 : Integer.parseInt(env.getOrDefault("MAX_CONNECTIONS_PER_ADDRESS", "64")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("IDLE_TIMEOUT_SECONDS", "8"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("BODY_TIMEOUT_SECONDS", "20"))),
                MAX_REQUEST_BYTES,
                // An eighth of the heap: 2,000 connections with a full body each would need 384 MB.
                Runtime.getRuntime().maxMemory() / 8);
    }

    /**
     * Puts the limits on a Jetty server before it starts: the handlers in front of the application, and the
     * caps on its connectors.
     */
    private static final long SHUTDOWN_IDLE_MILLIS = 100;

    public void applyTo(Server server) {
        server.setHandler(new KnownMethods(EagerBodies.handler(maxRequestBytes, bodyTimeout, bodyBudgetBytes)));
        server.addBean(new NetworkConnectionLimit(maxConnections, server));
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (var connector : server.getConnectors()) {
                    if (connector instanceof AbstractConnector network) {
                        network.setIdleTimeout(idleTimeout.toMillis());
                        // On shutdown a kept-alive connection with no request under way is closed after this long
                        // (Jetty waits a second by default); requests under way still get the stop timeout.
                        network.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);
                        if (perAddress > 0) {
                            network.addBean(new ConnectionsPerAddress(perAddress));
                        }
                    }
                }
            }
        });
    }
}
