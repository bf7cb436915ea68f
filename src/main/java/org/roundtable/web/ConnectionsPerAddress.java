package org.roundtable.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.roundtable.security.AddressKey;

/**
 * Caps the connections one address may hold open at once, so one client cannot take every connection the
 * server accepts (slowloris). An IPv6 client is counted by its /64, as every per-address rule counts ({@link AddressKey}). Behind a
 * reverse proxy every connection comes from the proxy, so the cap is left off there and the proxy does this
 * job (nginx: {@code limit_conn}).
 */
public final class ConnectionsPerAddress implements Connection.Listener {

    private final int max;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** Whose each connection is: a closed socket no longer tells its peer's address. */
    private final Map<Connection, InetAddress> clients = new ConcurrentHashMap<>();

    public ConnectionsPerAddress(int max) {
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = clientOf(connection);
        if (client == null) {
            return;
        }
        clients.put(connection, client);
        if (open.merge(client, 1, Integer::sum) > max) {
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = clients.remove(connection);
        if (client != null) {
            open.computeIfPresent(client, (address, count) -> count == 1 ? null : count - 1);
        }
    }

    private static InetAddress clientOf(Connection connection) {
        if (connection.getEndPoint().getRemoteSocketAddress() instanceof InetSocketAddress remote && remote.getAddress() != null) {
            return AddressKey.blockOf(remote.getAddress());
        }
        return null;
    }

}
