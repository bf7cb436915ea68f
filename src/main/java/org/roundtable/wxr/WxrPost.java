package org.roundtable.wxr;

import java.util.List;

/** A post of a WordPress export, its author's user id (0 when unknown) and its comments. */
record WxrPost(long id, String title, long authorUserId, List<WxrComment> comments) {

    /** Whether WordPress marks this comment as the post author's: written by the same registered user. */
    boolean isByAuthor(WxrComment comment) {
        return authorUserId != 0 && comment.userId() == authorUserId;
    }
}
