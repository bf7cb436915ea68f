package org.roundtable.wxr;

import java.util.List;

/** A post of a WordPress export and its comments. */
record WxrPost(long id, String title, List<WxrComment> comments) {}
