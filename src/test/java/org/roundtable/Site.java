package org.roundtable;

import java.net.URI;

/** A running Roundtable a {@link Reader} can visit: a server in the test's JVM, or the jar in a process of its own. */
public interface Site {

    URI uri(String path);

    /** What a browser sends as Origin with the site's forms. */
    String origin();
}
