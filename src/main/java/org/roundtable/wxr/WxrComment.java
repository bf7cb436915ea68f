package org.roundtable.wxr;

import java.time.Instant;

/** One comment of a WordPress export, with only what Roundtable keeps: no email address, no IP address. */
record WxrComment(long id, long parentId, String author, String content, Instant date, String approved, String type,
                  long userId) {

    boolean isPingOrTrackback() {
        return "pingback".equals(type) || "trackback".equals(type);
    }
}
